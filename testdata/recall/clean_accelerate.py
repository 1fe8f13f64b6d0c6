import math

import torch
from accelerate import Accelerator
from transformers import AutoModelForSequenceClassification, get_scheduler


def evaluate(model, eval_dataloader, accelerator, metric):
    model.eval()
    for batch in eval_dataloader:
        with torch.no_grad():
            outputs = model(**batch)
        predictions = outputs.logits.argmax(dim=-1)
        predictions, references = accelerator.gather_for_metrics((predictions, batch["labels"]))
        metric.add_batch(predictions=predictions, references=references)
    return metric.compute()


def main(train_dataloader, eval_dataloader, metric, num_epochs=3):
    accelerator = Accelerator(gradient_accumulation_steps=2)
    model = AutoModelForSequenceClassification.from_pretrained("bert-base-cased", return_dict=True)
    optimizer = torch.optim.AdamW(params=model.parameters(), lr=2e-5)
    lr_scheduler = get_scheduler("linear", optimizer=optimizer, num_warmup_steps=100,
                                 num_training_steps=len(train_dataloader) * num_epochs)
    model, optimizer, train_dataloader, eval_dataloader, lr_scheduler = accelerator.prepare(
        model, optimizer, train_dataloader, eval_dataloader, lr_scheduler
    )
    for epoch in range(num_epochs):
        model.train()
        total_loss = 0
        for step, batch in enumerate(train_dataloader):
            with accelerator.accumulate(model):
                outputs = model(**batch)
                loss = outputs.loss
                total_loss += loss.item()
                accelerator.backward(loss)
                optimizer.step()
                lr_scheduler.step()
                optimizer.zero_grad()
        eval_metric = evaluate(model, eval_dataloader, accelerator, metric)
        accelerator.print(f"epoch {epoch}: {eval_metric} loss {total_loss / len(train_dataloader)}")

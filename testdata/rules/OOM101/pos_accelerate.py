from accelerate import Accelerator
from torch.optim import AdamW
from transformers import AutoModelForSequenceClassification


def main(train_dataloader):
    accelerator = Accelerator(gradient_accumulation_steps=4)
    model = AutoModelForSequenceClassification.from_pretrained("bert-base-cased")
    optimizer = AdamW(model.parameters(), lr=2e-5)
    model, optimizer, train_dataloader = accelerator.prepare(model, optimizer, train_dataloader)
    all_losses = []
    for batch in train_dataloader:
        with accelerator.accumulate(model):
            outputs = model(**batch)
            loss = outputs.loss
            accelerator.backward(loss)
            optimizer.step()
            optimizer.zero_grad()
            # error: OOM101 "`outputs.loss` is stored in `all_losses`"
            all_losses.append(outputs.loss)
    return all_losses

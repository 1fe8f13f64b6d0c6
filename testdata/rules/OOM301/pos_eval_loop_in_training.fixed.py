import torch


def main(model, optimizer, lr_scheduler, train_dataloader, eval_dataloader, metric, num_epochs):
    if torch.cuda.is_available():
        device = "cuda"
    elif torch.backends.mps.is_available():
        device = "mps"
    else:
        device = "cpu"
    model.to(device)
    for epoch in range(num_epochs):
        model.train()
        for batch in train_dataloader:
            outputs = model(**batch)
            outputs.loss.backward()
            optimizer.step()
            lr_scheduler.step()
            optimizer.zero_grad()

        model.eval()
        with torch.no_grad():
            for batch in eval_dataloader:
                # error: OOM301 "in a loop over `eval_dataloader`"
                outputs = model(**batch)
                predictions = outputs.logits.argmax(dim=-1)
                metric.add_batch(predictions=predictions, references=batch["labels"])
        print(epoch, metric.compute())

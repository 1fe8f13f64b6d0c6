import torch


def evaluate(model, eval_dataloader, accelerator):
    model.eval()
    losses = []
    for step, batch in enumerate(eval_dataloader):
        with torch.no_grad():
            outputs = model(**batch)
        losses.append(outputs.loss)
    return torch.stack(losses).mean().item()

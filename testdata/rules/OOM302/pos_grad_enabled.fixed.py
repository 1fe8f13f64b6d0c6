import torch


def evaluate(model, val_loader):
    model.eval()
    outputs = []
    for batch in val_loader:
        out = model(batch.cuda())
        outputs.append((out * 2).detach().cpu())  # error: [OOM302] "`(out * 2).detach().cpu()`"
    return outputs

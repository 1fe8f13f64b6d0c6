import torch


def evaluate(model, val_loader):
    model.eval()
    outputs = []
    for batch in val_loader:
        out = model(batch.cuda())
        # error: OOM302 "`(out * 2).detach().cpu()`"
        outputs.append(out * 2)
    return outputs

import torch


def evaluate(model, loader):
    from torch.cuda.amp import autocast
    model.eval()
    with torch.no_grad(), autocast():  # error: [OOM501]
        return [model(x) for x in loader]

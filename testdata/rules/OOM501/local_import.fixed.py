import torch


def evaluate(model, loader):
    model.eval()
    with torch.no_grad(), torch.amp.autocast("cuda"):  # error: [OOM501]
        return [model(x) for x in loader]

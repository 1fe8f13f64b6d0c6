import torch


def evaluate(model, loader):
    model.eval()
    results = []
    for x, y in loader:
        out = model(x.cuda())
        results.append(out)  # error: 9 [OOM302] "detach().cpu()"
    return results

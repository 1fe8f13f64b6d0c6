import torch


def train(model, loader, optimizer, criteria):
    for x, y in loader:
        optimizer.zero_grad()
        out = model(x)
        losses = [c(out, y) for c in criteria]
        for loss in losses:
            loss.backward(retain_graph=True)
        optimizer.step()

import torch


def train(model, loader, optimizer, criterion):
    for x, y in loader:
        loss = criterion(model(x), y)
        loss.backward()
        if torch.isfinite(loss):
            continue
        optimizer.zero_grad()
        optimizer.step()

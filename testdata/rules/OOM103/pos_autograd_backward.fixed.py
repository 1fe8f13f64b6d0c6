import torch


def train(model, loader, optimizer, criterion):
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        torch.autograd.backward(loss)  # error: [OOM103]
        optimizer.step()

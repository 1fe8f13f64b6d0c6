import torch


def train(model, loader, optimizer, criterion, n_samples):
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward(retain_graph=False)
        optimizer.step()
    for i in range(n_samples):
        loss = model(x).sum()
        loss.backward(retain_graph=i < n_samples - 1)

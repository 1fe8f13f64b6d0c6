import torch.nn as nn


def train(model, loader, optimizer):
    criterion = nn.CrossEntropyLoss()
    losses = []
    for inputs, targets in loader:
        optimizer.zero_grad()
        loss = criterion(model(inputs), targets)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return sum(losses) / len(losses)

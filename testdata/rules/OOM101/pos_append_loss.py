import torch
import torch.nn as nn


def train(model, loader, optimizer, device):
    criterion = nn.CrossEntropyLoss()
    losses = []
    model.train()
    for inputs, targets in loader:
        inputs, targets = inputs.to(device), targets.to(device)
        optimizer.zero_grad()
        loss = criterion(model(inputs), targets)
        loss.backward()
        optimizer.step()
        # error: OOM101 "store `loss.item()`"
        losses.append(loss)
    return sum(losses) / len(losses)

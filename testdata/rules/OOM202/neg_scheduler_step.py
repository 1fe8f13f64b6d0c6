import torch


def train(model, loader, optimizer, scheduler, criterion):
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        model.zero_grad()
        scheduler.step()

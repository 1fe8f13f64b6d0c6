import torch


def run(model, loader, optimizer, criterion, train):
    for x, y in loader:
        loss = criterion(model(x), y)
        if train:
            loss.backward()
            optimizer.step()
        else:
            optimizer.zero_grad()

import torch


def train(model, loader, optimizer, criterion, chunks=4):
    for x, y in loader:
        optimizer.zero_grad()
        total = 0
        for xc, yc in zip(x.chunk(chunks), y.chunk(chunks)):
            total = total + criterion(model(xc), yc)
        (total / chunks).backward()
        optimizer.step()

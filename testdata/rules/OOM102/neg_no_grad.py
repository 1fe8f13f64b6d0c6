import torch


def train(model, loader, val_loader, optimizer, criterion):
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
    val_loss = 0
    with torch.no_grad():
        for x, y in val_loader:
            val_loss += criterion(model(x), y)
    return val_loss

import torch


def train_and_validate(model, loader, val_loader, optimizer, criterion):
    model.train()
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
    model.eval()
    for x, y in val_loader:
        with torch.no_grad():
            val_loss = criterion(model(x), y)
    return val_loss

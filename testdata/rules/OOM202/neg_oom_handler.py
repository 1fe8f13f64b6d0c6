import torch


def train(model, loader, optimizer, criterion):
    for x, y in loader:
        try:
            loss = criterion(model(x), y)
            loss.backward()
        except torch.cuda.OutOfMemoryError:
            optimizer.zero_grad()
            torch.cuda.empty_cache()
        optimizer.step()
        optimizer.zero_grad()

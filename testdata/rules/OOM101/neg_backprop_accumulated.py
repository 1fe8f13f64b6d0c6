import torch


def train(model, loader, optimizer, criterion, accumulation=4):
    pending = []
    for i, (x, y) in enumerate(loader):
        pending.append(criterion(model(x), y))
        if len(pending) == accumulation:
            total = torch.stack(pending).mean()
            optimizer.zero_grad()
            total.backward()
            optimizer.step()
            pending = []

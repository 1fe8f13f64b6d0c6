import torch


def train(model, loader, optimizer, criterion, accumulation_steps):
    model.zero_grad()
    for i, (x, y) in enumerate(loader):
        loss = criterion(model(x), y) / accumulation_steps
        loss.backward()
        if (i + 1) % accumulation_steps == 0:
            optimizer.step()
            model.zero_grad()

import torch


def train(model, loader, optimizer, criterion, accumulation_steps):
    for i, (x, y) in enumerate(loader):
        optimizer.zero_grad()
        loss = criterion(model(x), y) / accumulation_steps
        loss.backward()
        # error: OOM202
        if (i + 1) % accumulation_steps == 0:
            optimizer.step()

import torch


def train(model, loader, optimizer, criterion, accumulation_steps):
    for i, (x, y) in enumerate(loader):
        loss = criterion(model(x), y) / accumulation_steps
        loss.backward()
        optimizer.zero_grad()  # error: [OOM202]
        if (i + 1) % accumulation_steps == 0:
            optimizer.step()

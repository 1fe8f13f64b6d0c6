import torch


def train(model, loader, optimizer, criterion):
    running = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            running += loss * x.size(0)
    return running


def train_tracked(model, loader, optimizer, criterion):
    metrics = {"train_loss": torch.zeros((), device="cuda")}
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        # the sum is computed with autograd off: it records no graph, even of the bare loss
        with torch.no_grad():
            metrics["train_loss"] += loss
    return metrics

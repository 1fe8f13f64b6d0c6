import torch


def train_one_epoch(model, loader, optimizer, criterion):
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()


def main(model, loader, optimizer, criterion, epochs):
    for epoch in range(epochs):
        train_one_epoch(model, loader, optimizer, criterion)
        torch.cuda.empty_cache()

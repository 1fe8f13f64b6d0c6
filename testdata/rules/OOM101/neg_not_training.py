import torch


def collect_features(model, loader):
    feats = []
    for x in loader:
        feats.append(model(x))
    return feats


def train(model, loader, optimizer, criterion):
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()

import torch
from torch import optim


def fit(model, loaders, criterion, epochs):
    optimizer = optim.AdamW(model.parameters())
    for epoch in range(epochs):
        model.train()
        for name, loader in loaders.items():
            # error: OOM201
            for step, (x, y) in enumerate(loader):
                loss = criterion(model(x), y)
                if torch.isfinite(loss):
                    loss.backward()
                    optimizer.step()

import torch
from torch.cuda.amp import GradScaler, autocast


def train(model, loader, criterion):
    optimizer = torch.optim.Adam(model.parameters())
    scaler = GradScaler()
    # error: OOM201 "`optimizer.step()`"
    for x, y in loader:
        with autocast():
            loss = criterion(model(x), y)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()

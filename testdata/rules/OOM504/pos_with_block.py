import torch
from torch.cuda.amp import GradScaler


def train(model, loader, optimizer, criterion):
    scaler = GradScaler()
    for step, (x, y) in enumerate(loader):
        with torch.autocast("cuda"):
            loss = criterion(model(x), y)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        optimizer.zero_grad(set_to_none=True)
        with torch.no_grad():
            # error: OOM504
            torch.cuda.empty_cache()

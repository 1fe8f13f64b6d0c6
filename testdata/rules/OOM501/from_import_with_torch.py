import torch
from torch.cuda.amp import autocast, GradScaler


def train(model, loader, optimizer):
    scaler = GradScaler(enabled=True)  # error: [OOM501]
    for x in loader:
        with autocast(dtype=torch.bfloat16):  # error: [OOM501]
            loss = model(x).mean()
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        optimizer.zero_grad()

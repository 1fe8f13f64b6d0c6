import torch
from torch.cuda.amp import autocast, GradScaler


def train(model, loader, optimizer):
    # error: OOM501
    scaler = GradScaler(enabled=True)
    for x in loader:
        # error: OOM501
        with autocast(dtype=torch.bfloat16):
            loss = model(x).mean()
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        optimizer.zero_grad()

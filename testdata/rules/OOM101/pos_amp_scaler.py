import torch
from torch.cuda.amp import GradScaler, autocast


def train(model, loader, optimizer, criterion, device="cuda"):
    scaler = GradScaler()
    train_losses = []
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad(set_to_none=True)
        with autocast():
            loss = criterion(model(x), y)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        # error: OOM101 "`loss` is stored in `train_losses`"
        train_losses.append(loss)
    return train_losses

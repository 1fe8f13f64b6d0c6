import torch


def train(model, loader, optimizer, criterion):
    scaler = torch.amp.GradScaler("cuda")
    for x, y in loader:
        with torch.autocast("cuda"):
            loss = criterion(model(x), y)
        scaler.scale(loss).backward()
        # error: OOM202 "`scaler.step(optimizer)`"
        optimizer.zero_grad(set_to_none=True)
        scaler.step(optimizer)
        scaler.update()

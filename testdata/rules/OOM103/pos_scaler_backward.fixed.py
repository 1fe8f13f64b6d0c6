import torch

scaler = torch.amp.GradScaler("cuda")


def train(model, loader, optimizer):
    for x, y in loader:
        optimizer.zero_grad()
        with torch.autocast("cuda"):
            loss = model(x, y)
        # error: OOM103
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()

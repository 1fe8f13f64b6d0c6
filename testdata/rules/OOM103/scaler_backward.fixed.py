import torch

scaler = torch.amp.GradScaler("cuda")


def train(model, loader, optimizer):
    for x, y in loader:
        optimizer.zero_grad()
        with torch.autocast("cuda"):
            loss = model(x, y)
        scaler.scale(loss).backward()  # error: 9 [OOM103]
        scaler.step(optimizer)
        scaler.update()

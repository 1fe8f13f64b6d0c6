import torch


def train(model, loader, optimizer):
    scaler = torch.amp.GradScaler("cuda", enabled=True)  # error: [OOM501]
    for x in loader:
        with torch.amp.autocast("cuda", dtype=torch.bfloat16):  # error: [OOM501]
            loss = model(x).mean()
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        optimizer.zero_grad()

import torch


def train(model, loader, optimizer):
    # error: OOM501
    scaler = torch.amp.GradScaler("cuda", enabled=True)
    for x in loader:
        # error: OOM501
        with torch.amp.autocast("cuda", dtype=torch.bfloat16):
            loss = model(x).mean()
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        optimizer.zero_grad()

import torch

scaler = torch.amp.GradScaler("cuda")
for x, y in loader:
    with torch.autocast("cuda"):
        loss = criterion(model(x), y)
    scaler.scale(loss).backward()
    # error: OOM202
    optimizer.zero_grad()
    scaler.step(optimizer)
    scaler.update()

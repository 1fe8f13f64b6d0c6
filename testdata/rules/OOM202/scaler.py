import torch

scaler = torch.amp.GradScaler("cuda")
for x, y in loader:
    with torch.autocast("cuda"):
        loss = criterion(model(x), y)
    scaler.scale(loss).backward()
    optimizer.zero_grad()  # error: 5 [OOM202]
    scaler.step(optimizer)
    scaler.update()

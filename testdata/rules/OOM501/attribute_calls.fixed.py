import torch

scaler = torch.amp.GradScaler("cuda")  # error: 10 [OOM501] "torch.amp.GradScaler"
for x, y in loader:
    optimizer.zero_grad()
    with torch.amp.autocast("cuda"):  # error: 10 [OOM501] "torch.amp.autocast"
        loss = criterion(model(x), y)
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()

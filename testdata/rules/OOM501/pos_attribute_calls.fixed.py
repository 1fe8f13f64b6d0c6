import torch

# error: OOM501 "torch.amp.GradScaler"
scaler = torch.amp.GradScaler("cuda")
for x, y in loader:
    optimizer.zero_grad()
    # error: OOM501 "torch.amp.autocast"
    with torch.amp.autocast("cuda"):
        loss = criterion(model(x), y)
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()

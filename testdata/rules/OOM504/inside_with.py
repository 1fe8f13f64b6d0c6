import torch

scaler = torch.amp.GradScaler("cuda")
for x, y in loader:
    optimizer.zero_grad()
    with torch.autocast("cuda"):
        loss = criterion(model(x), y)
        torch.cuda.empty_cache()  # error: 9 [OOM504]
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()

import torch

scaler = torch.amp.GradScaler("cuda")
for x, y in loader:
    optimizer.zero_grad()
    with torch.autocast("cuda"):
        loss = criterion(model(x), y)
        # error: OOM504
        torch.cuda.empty_cache()
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()

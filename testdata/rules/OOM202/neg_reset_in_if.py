import torch

for i, (x, y) in enumerate(loader):
    loss = criterion(model(x), y)
    loss.backward()
    if not torch.isfinite(loss):
        optimizer.zero_grad()
    optimizer.step()

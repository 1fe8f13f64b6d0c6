import torch

for step, (x, y) in enumerate(loader):
    optimizer.zero_grad()
    criterion(model(x), y).backward()
    optimizer.step()
    step % 100 == 0 and torch.cuda.empty_cache()

import torch


def cleanup():
    torch.cuda.empty_cache()


for x, y in loader:
    optimizer.zero_grad()
    criterion(model(x), y).backward()
    optimizer.step()
cleanup()

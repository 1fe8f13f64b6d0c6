import torch
from torch.cuda import empty_cache

for batch in loader:
    optimizer.zero_grad()
    loss = model(batch).mean()
    loss.backward()
    optimizer.step()
    # error: OOM504 "training loop"
    empty_cache()

import torch
from torch import autograd
torch.cuda.set_device(0)

for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    # error: OOM103
    autograd.backward(loss, retain_graph=True)
    optimizer.step()

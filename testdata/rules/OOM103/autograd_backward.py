import torch
from torch import autograd

for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    autograd.backward(loss, retain_graph=True)  # error: 5 [OOM103]
    optimizer.step()

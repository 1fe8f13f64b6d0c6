import torch

for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    # error: OOM202 "wipes the gradients"
    optimizer.step()

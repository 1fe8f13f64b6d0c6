import torch

for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    # error: OOM202 "wipes the gradients"
    optimizer.zero_grad()
    optimizer.step()

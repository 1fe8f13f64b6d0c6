import torch

for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.zero_grad()  # error: 5 [OOM202] "wipes the gradients"
    optimizer.step()

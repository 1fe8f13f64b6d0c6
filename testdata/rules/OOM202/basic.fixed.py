import torch

for x, y in loader:
    optimizer.zero_grad()  # error: 5 [OOM202] "wipes the gradients"
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()

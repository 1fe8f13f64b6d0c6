import torch

for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward(retain_graph=True)  # error: 5 [OOM103] "retain_graph=True"
    optimizer.step()

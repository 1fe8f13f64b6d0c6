import torch

for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    # error: OOM103 "retain_graph=True"
    loss.backward()
    optimizer.step()

import torch

for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward(retain_graph=True, create_graph=False)  # error: 5 [OOM103]
    optimizer.step()

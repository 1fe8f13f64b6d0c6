import torch

for i, (x, y) in enumerate(loader):
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward(retain_graph=i < n_extra)
    optimizer.step()

import torch

for x, y in loader:
    optimizer.zero_grad()
    out = model(x)
    for loss in (criterion(out, y), aux(out)):
        loss.backward(retain_graph=True)
    optimizer.step()

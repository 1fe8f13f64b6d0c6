import torch

for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    saved = [p.grad.clone() for p in model.parameters()]
    optimizer.zero_grad()
    for p, g in zip(model.parameters(), saved):
        p.grad = g * scale
    optimizer.step()

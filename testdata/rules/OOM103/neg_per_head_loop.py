import torch

for x, ys in loader:
    optimizer.zero_grad()
    features = model(x)
    for head, y in zip(heads, ys):
        loss = criterion(head(features), y)
        loss.backward(retain_graph=True)
    optimizer.step()

import torch

for x, y in loader:
    warmup_loss = criterion(model(x), y)
    warmup_loss.backward()
    probe(model)
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()

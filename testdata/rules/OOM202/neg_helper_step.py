import torch


def update(optimizer):
    optimizer.step()


for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    update(optimizer)
    optimizer.zero_grad()

import torch


def train(model, loader, optimizer, criterion):
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward(retain_graph=True, inputs=list(model.parameters()))  # error: [OOM103]
        optimizer.step()

import torch


def train(model, loader, optimizer, criterion, device):
    outputs = []
    for x, y in loader:
        optimizer.zero_grad()
        out = model(x.to(device))
        loss = criterion(out, y.to(device))
        loss.backward()
        optimizer.step()
        outputs.append(out.detach())

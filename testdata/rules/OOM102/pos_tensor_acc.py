import torch


def train(model, loader, optimizer, criterion, device):
    epoch_loss = torch.zeros(1, device=device)
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        # error: OOM102 "add `loss.detach()` instead"
        epoch_loss += loss
    return epoch_loss.item() / len(loader)

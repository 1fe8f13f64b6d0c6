import torch
torch.cuda.set_device(0)
def train_epoch(model, loader, optimizer, criterion):
    model.train()
    epoch_loss = 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        # error: OOM102 "add `loss.detach()` instead"
        epoch_loss += loss
    return epoch_loss / len(loader)

import torch
torch.cuda.set_device(0)
def train(model, loader, optimizer, criterion):
    recent = []
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        # error: OOM101
        recent.insert(0, loss * 2)
        del recent[10:]

import torch


@torch.no_grad()
def evaluate(model, val_loader):
    model.eval()
    outputs = []
    for x, _ in val_loader:
        outputs.append(model(x))
    return torch.cat(outputs)


def train(model, loader, val_loader, optimizer, criterion):
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            scores = model(x)
        kept = [scores]
    return evaluate(model, val_loader)

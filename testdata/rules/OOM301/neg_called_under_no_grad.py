import torch


def evaluate(model, loader):
    model.eval()
    return [model(x).argmax(-1) for x in loader]


def run_validation(model, val_loader):
    total = 0
    for x, y in val_loader:
        total += (model(x).argmax(-1) == y).sum().item()
    return total


def main(model, loader, val_loader, optimizer, epochs):
    for epoch in range(epochs):
        for x, y in loader:
            optimizer.zero_grad()
            torch.nn.functional.cross_entropy(model(x), y).backward()
            optimizer.step()
        with torch.no_grad():
            preds = evaluate(model, val_loader)
            acc = run_validation(model, val_loader)
    return preds, acc

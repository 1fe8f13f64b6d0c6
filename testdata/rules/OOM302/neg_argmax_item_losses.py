import torch


@torch.no_grad()
def evaluate(model, val_loader, device):
    model.eval()
    correct, losses, preds = [], [], []
    for x, y in val_loader:
        out = model(x.to(device))
        preds.append(out.argmax(dim=1))
        correct.append((out.argmax(1) == y.to(device)).sum().item())
        losses.append(torch.nn.functional.cross_entropy(out, y.to(device)).item())
    return sum(correct), losses, preds

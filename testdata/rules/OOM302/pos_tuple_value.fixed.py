import torch


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    pairs = []
    for x, y in loader:
        pred = model(x.to(device)).float()
        pairs.append((pred.cpu(), y))  # error: [OOM302] "`pred`"
    return pairs

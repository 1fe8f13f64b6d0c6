import torch


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    pairs = []
    for x, y in loader:
        pred = model(x.to(device)).float()
        # error: OOM302 "`pred`"
        pairs.append((pred, y))
    return pairs

import torch


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds = []
    for x in loader:
        preds.append(model(x.to(device)).cpu())
    return torch.cat(preds)

import torch


def train_epoch(model, loader, optimizer, device):
    model.to(device)
    total_loss = 0.0
    for batch in loader:
        out = model(**{k: v.to(device) for k, v in batch.items()})
        optimizer.zero_grad()
        out["loss"].backward()
        optimizer.step()
        # error: OOM102
        total_loss += out["loss"]
    return total_loss / len(loader)

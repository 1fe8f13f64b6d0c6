import torch


def train_epoch(model, loader, optimizer, device):
    # the model returns its loss and its accuracy; an accuracy comes from comparisons and has no graph
    model.to(device)
    total_loss, total_acc = 0.0, 0.0
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        out = model(**batch)
        optimizer.zero_grad()
        out["loss"].backward()
        optimizer.step()
        total_loss += out["loss"].item()
        total_acc += out["accuracy"]
        total_acc += out.acc
    return total_loss / len(loader), total_acc / len(loader)

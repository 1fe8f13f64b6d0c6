import torch


def train(model, loader, optimizer, device):
    model.to(device)
    all_logits = []
    for x, y in loader:
        optimizer.zero_grad()
        loss, logits = model(x.to(device), labels=y.to(device))
        loss.backward()
        optimizer.step()
        # a model's outputs beside the loss carry its graph
        # error: OOM101 "stored in `all_logits`"
        all_logits.append(logits)
    return all_logits

import torch


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    all_logits = []
    for x in loader:
        logits = model(x.to(device)).softmax(-1)
        all_logits.append(logits.cpu())  # error: 9 [OOM302] "store `logits.cpu()`"
    return torch.cat(all_logits)

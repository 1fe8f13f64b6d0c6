import torch.nn.functional as F


def train(model, loader, optimizer):
    preds, targets = [], []
    for x, y in loader:
        out = model(x)
        loss = F.cross_entropy(out, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        preds.append(out.detach().cpu())
        targets.append(y)
    return preds, targets

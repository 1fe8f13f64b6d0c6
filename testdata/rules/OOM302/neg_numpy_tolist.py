import torch


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    scores, ids = [], []
    for x in loader:
        out = model(x.to(device))
        scores.append(out.softmax(-1).detach().cpu().numpy())
        ids.extend(out.argmax(-1).tolist())
    return scores, ids

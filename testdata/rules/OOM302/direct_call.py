import torch

device = torch.device("cuda")
model.eval()
preds = []
with torch.inference_mode():
    for x, _ in val_loader:
        preds.append(model(x.to(device)))  # error: 9 [OOM302]

import torch

device = torch.device("cuda")
model.eval()
preds = []
with torch.inference_mode():
    for x, _ in val_loader:
        # error: OOM302
        preds.append(model(x.to(device)).cpu())

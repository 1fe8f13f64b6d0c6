import torch

model.eval()
preds = []
with torch.no_grad():
    for x in loader:
        out = model(x.to("cuda"))
        preds.append(out.argmax(-1).tolist())

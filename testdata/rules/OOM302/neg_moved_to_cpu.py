import torch

model.eval()
outputs = []
with torch.no_grad():
    for x in loader:
        out = model(x.cuda())
        outputs.append(out.cpu())

import torch

model.eval()
losses = []
with torch.no_grad():
    for x, y in loader:
        out = model(x.cuda())
        losses.append(criterion(out, y.cuda()).item())
        scores = out.softmax(-1)

import torch

model.eval()
with torch.no_grad():
    for x in loader:
        outs = []
        out = model(x.cuda())
        outs.append(out)
        save(outs)

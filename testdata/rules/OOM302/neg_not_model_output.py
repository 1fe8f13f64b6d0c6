import torch

model.eval()
inputs = []
with torch.no_grad():
    for x in loader:
        x = x.cuda()
        out = model(x)
        inputs.append(x.shape)

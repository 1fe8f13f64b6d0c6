import torch

net.eval()
embs = []
with torch.no_grad():
    for x in loader:
        emb = net(x.to("cuda"))
        embs.append(emb.detach().cpu())  # error: 9 [OOM302]

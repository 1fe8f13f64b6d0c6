import torch

net.eval()
embs = []
with torch.no_grad():
    for x in loader:
        emb = net(x.to("cuda"))
        # error: OOM302
        embs.append(emb.detach().cpu())

import torch

autocast = torch.amp.autocast if hasattr(torch, "amp") else torch.cuda.amp.autocast
with autocast("cuda"):
    y = model(x)

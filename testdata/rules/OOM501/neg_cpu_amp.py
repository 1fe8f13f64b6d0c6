import torch

# torch.cpu.amp is another rule's business
with torch.cpu.amp.autocast():
    y = model(x)

import torch

encoder.eval()
features = []
with torch.no_grad():
    for images in loader:
        out = encoder(images.cuda())
        features.append(out[0])  # error: 9 [OOM302]

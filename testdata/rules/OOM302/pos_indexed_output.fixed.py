import torch

encoder.eval()
features = []
with torch.no_grad():
    for images in loader:
        out = encoder(images.cuda())
        # error: OOM302
        features.append(out[0].cpu())

import torch


def extract(encoder, test_loader, device):
    feats, labels = [], []
    with torch.no_grad():
        for images, targets in test_loader:
            f = encoder(images.to(device))
            feats.append(f)  # error: [OOM302]
            labels.append(targets)
    return torch.cat(feats), torch.cat(labels)

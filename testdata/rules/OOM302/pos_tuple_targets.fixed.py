import torch


def extract(encoder, test_loader, device):
    feats, labels = [], []
    with torch.no_grad():
        for images, targets in test_loader:
            f = encoder(images.to(device))
            # error: OOM302
            feats.append(f.cpu())
            labels.append(targets)
    return torch.cat(feats), torch.cat(labels)

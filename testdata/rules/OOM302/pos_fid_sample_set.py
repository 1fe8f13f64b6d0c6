# FID-style feature extraction: batches over a whole sample set, every batch's features kept on the GPU
# and concatenated at the end.
import torch


@torch.no_grad()
def activation_statistics(generator, model, n_samples, batch_size, device):
    model.eval()
    features = []
    for _ in range(n_samples // batch_size):
        z = torch.randn(batch_size, 128, device=device)
        feat = model(generator(z))
        # error: OOM302 "`feat` (a model output) is kept in `features`"
        features.append(feat)
    features = torch.cat(features, dim=0)
    return features.mean(0), torch.cov(features.T)

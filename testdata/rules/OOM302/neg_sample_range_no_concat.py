# A loop over a few sample batches whose outputs are not gathered into one tensor: a short list of
# generated batches, not a dataset-sized feature matrix.
import torch


@torch.no_grad()
def sample_grid(generator, model, n_samples, batch_size, device):
    model.eval()
    grids = []
    for _ in range(n_samples // batch_size):
        z = torch.randn(batch_size, 128, device=device)
        grids.append(model(generator(z)))
    return grids


@torch.no_grad()
def moved_to_cpu(generator, model, n_samples, batch_size, device):
    model.eval()
    features = []
    for _ in range(n_samples // batch_size):
        z = torch.randn(batch_size, 128, device=device)
        features.append(model(generator(z)).cpu())
    return torch.cat(features)

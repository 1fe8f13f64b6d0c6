import os
from pathlib import Path

import torch

_PATH_WEIGHTS = Path(__file__).resolve().parent / "dists_models" / "weights.pt"


class Metric(torch.nn.Module):
    def __init__(self):
        super().__init__()
        # package data shipped next to the code: written for every machine, CUDA or not
        weights = torch.load(str(_PATH_WEIGHTS))
        self.alpha = torch.nn.Parameter(weights["alpha"])


class DiskOffloader:
    def save(self, tensor, file_path):
        cpu_tensor = tensor.detach().cpu()
        torch.save(cpu_tensor, file_path)

    def load(self, file_path, device):
        # this module saves only CPU tensors to these files
        tensor = torch.load(file_path, weights_only=True)
        return tensor.to(device)


def load_rng_state(checkpoint):
    # random-number-generator states are CPU byte tensors, even in a GPU checkpoint folder
    rng_file = os.path.join(checkpoint, "rng_state.pth")
    checkpoint_rng_state = torch.load(rng_file)
    torch.random.set_rng_state(checkpoint_rng_state["cpu"])


model = build().cuda()
# .numpy() works only on CPU tensors: the file holds CPU data
train_labels = torch.load("mnist/train_label.pt").numpy()
test_data = torch.load("mnist/test_data.pt").reshape(10000, 784).numpy()


def load_examples(args, mode):
    cached_features_file = os.path.join(args.data_dir, "cached_{}_{}".format(mode, args.model_name_or_path))
    if os.path.exists(cached_features_file):
        # the name the result is given says it is data, whatever words the path borrows
        features = torch.load(cached_features_file)
        return features

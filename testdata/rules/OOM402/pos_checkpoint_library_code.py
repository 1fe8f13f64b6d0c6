import torch
from torch.nn.parallel import DistributedDataParallel


class DetectionCheckpointer:
    # library code with no GPU call of its own, about checkpoints that GPU training wrote;
    # its distributed trainer (below) runs one process per GPU
    def _load_file(self, filename):
        with open(filename, "rb") as f:
            # error: OOM402 "map_location"
            return torch.load(f)


def load_sharded_object(checkpoint_dir, key):
    load_path = (checkpoint_dir / key).with_suffix(".pt")
    # error: OOM402
    return torch.load(load_path)

import os

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel


class BaseModel:
    def save_network(self, save_dir, network, label, step):
        # the project writes CPU tensors, so every reader restores onto the CPU
        path = os.path.join(save_dir, f"{step}_{label}.pth")
        state_dict = network.state_dict()
        for key, param in state_dict.items():
            state_dict[key] = param.cpu()
        torch.save(state_dict, path)

    def load_network(self, load_path, network, strict=True):
        if isinstance(network, DistributedDataParallel):
            network = network.module
        state_dict = torch.load(load_path)
        network.load_state_dict(state_dict, strict=strict)


def null_embedding(path, encoder, tokens):
    if os.path.exists(path):
        data = torch.load(path)
        return data["embeds"].cuda(dist.get_rank())
    embeds = encoder(tokens)
    torch.save({"embeds": embeds.cpu(), "mask": tokens.cpu(), "kind": "null"}, path)
    return embeds


def to_gpu(module):
    return module.cuda()

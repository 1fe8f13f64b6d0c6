import os

import torch
import torch.distributed as dist


def resume(args, model, optimizer):
    # the first rank alone, but it restores Adam's state onto the GPU it was saved from
    if args.local_rank in [-1, 0]:
        # error: OOM402 "optimizer state"
        checkpoint = torch.load(args.resume)
        model.load_state_dict(checkpoint["model"])
        optimizer.load_state_dict(checkpoint["optimizer"])


def resume_every_rank(args, model):
    if args.local_rank != 0:
        # error: OOM402 "every rank"
        model.load_state_dict(torch.load(args.resume))


class Trainer:
    def save_network(self, network, path):
        torch.save(network.state_dict(), path)

    def load_network(self, network, path):
        # the partner saves the GPU state dict as it is
        # error: OOM402 "every rank"
        network.load_state_dict(torch.load(path))


def load_shard(checkpoint_dir, parallel_state):
    # a model-parallel rank: every data-parallel replica of that shard reads the same file
    mp_rank = parallel_state.get_tensor_model_parallel_rank()
    # error: OOM402 "every rank"
    return torch.load(os.path.join(checkpoint_dir, f"mp_rank_{mp_rank:02d}", "model_weights.ckpt"))


def resume_scheduled_run(args, model):
    # error: OOM402 "every rank"
    state = torch.load(args.scheduled_checkpoint)
    model.load_state_dict(state["model"])
    if dist.get_rank() == 0:
        print(state["epoch"])


def to_gpu(module):
    return module.cuda()

import os

import torch
import torch.distributed as dist


def resume_scheduler(ckpt_dir, lr_scheduler):
    # a scheduler's state is step counts and rates, whatever the name it passes through
    state_dict = torch.load(os.path.join(ckpt_dir, "lr_scheduler.pt"))
    lr_scheduler.load_state_dict(state_dict)


def resume_scheduler_by_name(path, scheduler):
    sd = torch.load(path)
    scheduler.load_state_dict(sd)


def resume_random_states(out_dir):
    # generator states are CPU byte tensors
    states = torch.load(os.path.join(out_dir, f"rng_state_{dist.get_rank()}.pth"))
    torch.set_rng_state(states["cpu"])
    return states


def resume_scheduler_file(args):
    return torch.load(args.output_dir + "/scheduler.bin")


def to_gpu(module):
    return module.cuda()

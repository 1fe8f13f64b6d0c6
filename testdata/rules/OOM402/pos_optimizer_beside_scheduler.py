import os

import torch
import torch.distributed as dist


def resume(checkpoint, optimizer, scheduler):
    dist.barrier()
    # the optimizer's state beside the scheduler's is a full set of GPU tensors
    # error: OOM402 "every rank"
    optimizer.load_state_dict(torch.load(os.path.join(checkpoint, "optimizer.pt")))
    scheduler.load_state_dict(torch.load(os.path.join(checkpoint, "scheduler.pt"), map_location="cpu"))

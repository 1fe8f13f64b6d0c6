import torch.distributed as dist
from torch import load

dist.init_process_group("nccl")
# error: OOM402 "every rank"
encoder.load_state_dict(load(path)["encoder"])

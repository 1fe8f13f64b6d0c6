import os
import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel as DDP


def setup(rank: int, world_size: int) -> None:
    os.environ.setdefault("MASTER_ADDR", "localhost")
    os.environ["MASTER_PORT"] = "12355"
    dist.init_process_group("nccl", rank=rank, world_size=world_size)
    torch.cuda.set_device(rank)


def cleanup():
    dist.destroy_process_group()


def main(rank, world_size, model_fn):
    setup(rank, world_size)
    model = DDP(model_fn().to(rank), device_ids=[rank])
    try:
        for _ in range(3):
            loss = model(torch.randn(8, 16, device=rank)).sum()
            loss.backward()
    finally:
        cleanup()


if __name__ == "__main__":
    n = torch.cuda.device_count()
    torch.multiprocessing.spawn(main, args=(n, lambda: torch.nn.Linear(16, 4)), nprocs=n, join=True)

import torch
import torch.distributed as dist


def main_worker(rank, args):
    dist.init_process_group("nccl", rank=rank, world_size=args.world_size)
    model = build().to(rank)
    if args.resume:
        # error: OOM402 "cuda:0"
        ckpt = torch.load(args.resume, weights_only=True, map_location="cpu")
        model.load_state_dict(ckpt["state_dict"])

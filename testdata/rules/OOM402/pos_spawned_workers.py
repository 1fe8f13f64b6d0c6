import torch
import torch.multiprocessing as mp


def worker(rank, path):
    model = build().to(rank)
    # error: OOM402 "every rank"
    model.load_state_dict(torch.load(path))


if __name__ == "__main__":
    mp.spawn(worker, args=("checkpoint.pt",), nprocs=torch.cuda.device_count())

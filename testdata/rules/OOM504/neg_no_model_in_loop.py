import torch


def cleanup(paths):
    for p in paths:
        data = torch.load(p, map_location="cpu")
        print(len(data))
        torch.cuda.empty_cache()

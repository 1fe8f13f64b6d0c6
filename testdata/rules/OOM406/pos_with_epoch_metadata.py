import torch


def resume(model, path, device):
    model.to(device)
    # error: OOM406 "whole checkpoint"
    ckpt = torch.load(path, map_location=device)
    model.load_state_dict(ckpt["model"])
    start_epoch = ckpt["epoch"] + 1
    best_acc = ckpt["best_acc"]
    return start_epoch, best_acc


device = "cuda"

import torch


def resume(args, model, optimizer):
    # every rank loads the checkpoint written by rank 0 from cuda:0
    checkpoint = torch.load(  # error: 18 [OOM402]
        args.resume,
        weights_only=False, map_location="cpu",
    )
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    return checkpoint["epoch"]

import torch


def resume(args, model, optimizer):
    # every rank loads the checkpoint written by rank 0 from cuda:0
    # error: OOM402
    checkpoint = torch.load(
        args.resume,
        weights_only=False,
    )
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    return checkpoint["epoch"]

import torch


def convert(args):
    # loads one checkpoint and saves another: not a round trip; the optimizer state comes along
    # error: OOM402
    checkpoint = torch.load(args.checkpoint_path)
    torch.save({"model": rename_keys(checkpoint["model"]), "optimizer": checkpoint["optimizer"]}, args.dump_path)

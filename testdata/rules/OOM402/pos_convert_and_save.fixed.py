import torch


def convert(args):
    # loads one checkpoint and saves another: not a round trip
    # error: OOM402
    checkpoint = torch.load(args.checkpoint_path, map_location="cpu")
    torch.save(rename_keys(checkpoint), args.dump_path)

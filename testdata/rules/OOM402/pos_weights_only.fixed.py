import torch

# error: OOM402
sd = torch.load(args.ckpt, weights_only=True, map_location="cpu")

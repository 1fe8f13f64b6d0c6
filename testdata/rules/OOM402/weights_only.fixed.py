import torch

sd = torch.load(args.ckpt, weights_only=True, map_location="cpu")  # error: [OOM402]

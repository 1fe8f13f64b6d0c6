import torch

sd = torch.load(args.ckpt, weights_only=True)  # error: [OOM402]

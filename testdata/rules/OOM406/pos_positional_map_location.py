import torch

model = UNet().cuda()
# error: OOM406
ckpt = torch.load(args.weights, "cuda")
model.load_state_dict(ckpt["model"])

import torch

model = UNet().cuda()
# error: OOM406
ckpt = torch.load(args.checkpoint, "cuda")
model.load_state_dict(ckpt["model"])

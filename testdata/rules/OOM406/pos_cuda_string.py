import torch

model = build_model().cuda()
# error: OOM406 "state_dict"
ckpt = torch.load("last.ckpt", map_location="cuda")
model.load_state_dict(ckpt["state_dict"])
model.eval()

import torch

rank = 1
model = Net().cuda(rank)
# error: OOM406
ckpt = torch.load(path, map_location={"cuda:0": f"cuda:{rank}"})
model.load_state_dict(ckpt["model"])

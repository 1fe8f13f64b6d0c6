import torch

model = Encoder().cuda()
ckpt = torch.load(ckpt_path, map_location=lambda storage, loc: storage)
model.load_state_dict(ckpt["net"])

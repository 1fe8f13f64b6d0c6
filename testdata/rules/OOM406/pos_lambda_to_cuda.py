import torch

model = Encoder().cuda()
# error: OOM406
ckpt = torch.load(ckpt_path, map_location=lambda storage, loc: storage.cuda())
model.load_state_dict(ckpt["net"])

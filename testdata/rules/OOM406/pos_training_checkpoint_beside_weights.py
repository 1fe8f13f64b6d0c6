# A training checkpoint (its name says so) read only for its weights: every other entry lands on the GPU too.
import torch

device = torch.device("cuda")
model = Model().to(device)
# error: OOM406
ckpt = torch.load("runs/weights/last_checkpoint.pth", map_location=device)
model.load_state_dict(ckpt["model"])

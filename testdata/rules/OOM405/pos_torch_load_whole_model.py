import torch

model = torch.load("checkpoints/epoch_10.pt", map_location="cuda", weights_only=False)
model.eval()
test(model)
# error: OOM405
model = torch.load("checkpoints/epoch_20.pt", map_location="cuda", weights_only=False)
test(model)

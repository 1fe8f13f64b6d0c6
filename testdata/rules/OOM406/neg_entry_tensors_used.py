import torch

device = torch.device("cuda")
model = Net().to(device)
ckpt = torch.load(path, map_location=device)
model.load_state_dict(ckpt["model"])
mean = ckpt["feature_mean"]
outputs = model((inputs.to(device) - mean))

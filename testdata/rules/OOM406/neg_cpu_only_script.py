import torch

device = torch.device("cpu")
model = Net().to(device)
checkpoint = torch.load("model.pt", map_location=device)
model.load_state_dict(checkpoint["model"])

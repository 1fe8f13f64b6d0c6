import torch

# a plain state dict, used whole: OOM406 is about checkpoints with other entries
device = torch.device("cuda")
model = Net().to(device)
model.load_state_dict(torch.load("weights.pth", map_location=device))

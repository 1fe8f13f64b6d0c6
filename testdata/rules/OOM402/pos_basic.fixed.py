import torch

# error: OOM402 "map_location"
state = torch.load("checkpoint.pt", map_location="cpu")
model.load_state_dict(state)

import torch

# error: OOM402 "map_location"
state = torch.load("checkpoint.pt")
model.load_state_dict(state)

import torch

state = torch.load("checkpoint.pt", map_location="cpu")  # error: 9 [OOM402] "map_location"
model.load_state_dict(state)

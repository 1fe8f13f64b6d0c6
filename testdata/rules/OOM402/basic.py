import torch

state = torch.load("checkpoint.pt")  # error: 9 [OOM402] "map_location"
model.load_state_dict(state)

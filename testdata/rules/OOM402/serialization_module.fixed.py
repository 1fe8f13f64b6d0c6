import torch.serialization

weights = torch.serialization.load("weights.pt", map_location="cpu")  # error: [OOM402]

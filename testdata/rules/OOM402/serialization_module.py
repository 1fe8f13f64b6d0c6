import torch.serialization

weights = torch.serialization.load("weights.pt")  # error: [OOM402]

import torch.serialization

# error: OOM402
weights = torch.serialization.load("weights.pt")

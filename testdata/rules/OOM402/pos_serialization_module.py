import torch.serialization

world_size = torch.cuda.device_count()
# error: OOM402
weights = torch.serialization.load("weights.pt")

import torch

# the entry is the model object itself: loading it to the CPU would leave the model on the CPU
device = torch.device("cuda")
checkpoint = torch.load(path, map_location=device)
model = checkpoint["model"]
model.eval()

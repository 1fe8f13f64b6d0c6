import torch

device = torch.device("cuda")
model = Net().to(device)
checkpoint = torch.load(path, map_location=device)
model.load_state_dict(checkpoint["model"])
trainer.restore(checkpoint)

import torch

device = torch.device("cuda")
model = Net().to(device)
optimizer = torch.optim.AdamW(model.parameters())
checkpoint = torch.load(args.resume, map_location=device)
model.load_state_dict(checkpoint["model"])
optimizer.load_state_dict(checkpoint["optimizer"])

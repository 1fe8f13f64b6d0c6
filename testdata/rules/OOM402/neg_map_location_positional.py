import torch

state = torch.load(path, "cpu")
state = torch.load(path, device)

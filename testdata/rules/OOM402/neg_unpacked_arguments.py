import torch

load_kwargs = {"map_location": "cpu", "weights_only": True}
state = torch.load(path, **load_kwargs)
args = (path, "cpu")
state = torch.load(*args)

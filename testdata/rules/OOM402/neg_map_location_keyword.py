import torch

a = torch.load("a.pt", map_location="cpu")
b = torch.load("b.pt", map_location=torch.device("cuda", local_rank))
c = torch.load("c.pt", weights_only=True, map_location=lambda storage, loc: storage)
d = torch.load("d.pt", map_location=None)  # an explicit choice

from torch import load as torch_load

checkpoint = torch_load(open("best.pt", "rb"), map_location="cpu")  # error: [OOM402]

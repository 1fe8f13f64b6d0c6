from torch import load as torch_load

# error: OOM402
checkpoint = torch_load(open("best.pt", "rb"), map_location="cpu")
optimizer.load_state_dict(checkpoint["optimizer"])

from torch import load

# error: OOM402
encoder.load_state_dict(load(path, map_location="cpu")["encoder"])

import torch

for path in checkpoint_paths:
    state = torch.load(path, map_location="cpu")
    summarize(state)
    torch.cuda.empty_cache()

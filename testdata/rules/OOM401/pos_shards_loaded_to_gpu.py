# Each checkpoint in turn loaded onto the GPU while the previous one is still referenced.
import glob

import torch

for path in sorted(glob.glob("checkpoints/*.pt")):
    # error: OOM401
    state = torch.load(path, map_location="cuda")
    model.load_state_dict(state["model"])
    print(path, evaluate(model, val_loader))

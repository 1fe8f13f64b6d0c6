from contextlib import nullcontext

from torch.cuda.amp import autocast
import torch

ctx = autocast if use_amp else nullcontext
with torch.amp.autocast("cuda"):  # error: [OOM501]
    y = model(x)

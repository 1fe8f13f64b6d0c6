from contextlib import nullcontext

from torch.cuda.amp import autocast
import torch

ctx = autocast if use_amp else nullcontext
# error: OOM501
with torch.amp.autocast("cuda"):
    y = model(x)

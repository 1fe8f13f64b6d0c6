from contextlib import nullcontext

from torch.cuda.amp import autocast

ctx = autocast if use_amp else nullcontext
with autocast():  # error: [OOM501]
    y = model(x)

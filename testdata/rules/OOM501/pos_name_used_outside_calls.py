from contextlib import nullcontext

from torch.cuda.amp import autocast

ctx = autocast if use_amp else nullcontext
# error: OOM501
with autocast():
    y = model(x)

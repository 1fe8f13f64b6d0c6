import torch

# error: OOM501
with torch.amp.autocast("cuda", enabled=True, dtype=torch.bfloat16):
    out = model(x)
# error: OOM501
with torch.amp.autocast("cuda", enabled=args.amp, cache_enabled=False):
    out = model(x)

import torch

with torch.amp.autocast("cuda", enabled=True, dtype=torch.bfloat16):  # error: [OOM501]
    out = model(x)
with torch.amp.autocast("cuda", enabled=args.amp, cache_enabled=False):  # error: [OOM501]
    out = model(x)

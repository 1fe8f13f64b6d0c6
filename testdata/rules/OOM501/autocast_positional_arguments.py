import torch

with torch.cuda.amp.autocast(True, torch.bfloat16):  # error: [OOM501]
    out = model(x)
with torch.cuda.amp.autocast(args.amp, cache_enabled=False):  # error: [OOM501]
    out = model(x)

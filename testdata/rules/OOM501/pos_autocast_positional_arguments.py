import torch

# error: OOM501
with torch.cuda.amp.autocast(True, torch.bfloat16):
    out = model(x)
# error: OOM501
with torch.cuda.amp.autocast(args.amp, cache_enabled=False):
    out = model(x)

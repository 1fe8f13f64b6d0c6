import torch

amp_context = torch.cuda.amp.autocast

# error: OOM501
with torch.amp.autocast("cuda", dtype=torch.float16):
    logits = model(batch)

import torch

amp_context = torch.cuda.amp.autocast

with torch.amp.autocast("cuda", dtype=torch.float16):  # error: [OOM501]
    logits = model(batch)

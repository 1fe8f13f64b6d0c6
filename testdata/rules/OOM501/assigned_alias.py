import torch

amp_context = torch.cuda.amp.autocast

with amp_context(dtype=torch.float16):  # error: [OOM501]
    logits = model(batch)

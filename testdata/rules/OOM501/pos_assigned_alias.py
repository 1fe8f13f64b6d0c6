import torch

amp_context = torch.cuda.amp.autocast

# error: OOM501
with amp_context(dtype=torch.float16):
    logits = model(batch)

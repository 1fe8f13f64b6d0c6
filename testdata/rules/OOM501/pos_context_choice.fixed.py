import contextlib

import torch

# the other branch is not the current API: still deprecated
# error: OOM501
context = contextlib.nullcontext() if final else torch.amp.autocast("cuda")

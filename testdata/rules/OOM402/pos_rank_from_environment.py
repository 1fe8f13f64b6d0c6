import os

import torch

local = int(os.environ["LOCAL_RANK"])
model = build().to(f"cuda:{local}")
# error: OOM402 "every rank"
model.load_state_dict(torch.load("checkpoints/last.pt"))

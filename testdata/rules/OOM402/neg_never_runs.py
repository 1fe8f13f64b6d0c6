# Blocks that can never run: a disabled resume path, and imports only type checkers see.
from typing import TYPE_CHECKING

import torch

if TYPE_CHECKING:
    state = torch.load("checkpoint.pt")

model = torch.nn.Linear(4096, 4096).cuda()
if False:
    model.load_state_dict(torch.load("last.pt"))
while False:
    model.load_state_dict(torch.load("best.pt"))
if True:
    model.load_state_dict(torch.load("start.pt", map_location="cpu"))
else:
    model.load_state_dict(torch.load("other.pt"))

"""Mixed-precision helpers."""
import os
import torch

# error: OOM501
scaler = torch.amp.GradScaler("cuda")


def forward(model, batch):
    # error: OOM501
    with torch.amp.autocast("cuda"):
        return model(batch)


def forward_half(model, batch):
    # error: OOM501
    with torch.amp.autocast("cuda"):
        return model(batch.half())

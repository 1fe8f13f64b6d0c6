import torch
from torch.cuda import amp


class Block(torch.nn.Module):
    @amp.custom_fwd
    def forward(self, x):
        with torch.amp.autocast("cuda", enabled=False):  # error: [OOM501]
            return x.float()


scaler = torch.amp.GradScaler("cuda")  # error: [OOM501]

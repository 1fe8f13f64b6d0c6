import torch
import torch.nn as nn


class Head(nn.Module):
    # error: OOM501
    @torch.cuda.amp.autocast(enabled=False)
    def forward(self, x):
        return self.proj(x.float())

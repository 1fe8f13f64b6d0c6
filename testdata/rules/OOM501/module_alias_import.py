import torch.cuda.amp as amp
import torch as T

with amp.autocast(enabled=True):  # error: [OOM501]
    y = net(x)

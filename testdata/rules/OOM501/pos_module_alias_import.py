import torch.cuda.amp as amp
import torch as T

# error: OOM501
with amp.autocast(enabled=True):
    y = net(x)

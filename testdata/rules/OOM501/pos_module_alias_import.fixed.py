import torch as T

# error: OOM501
with T.amp.autocast("cuda", enabled=True):
    y = net(x)

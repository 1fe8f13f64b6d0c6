import torch as T

with T.amp.autocast("cuda", enabled=True):  # error: [OOM501]
    y = net(x)

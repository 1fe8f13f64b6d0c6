import torch as th

state = th.load(path, map_location=device)

import torch as T
from accelerate import Accelerator


def restore(model, path):
    # error: OOM402
    model.load_state_dict(T.load(path, map_location="cpu"))

import torch as T


def restore(model, path):
    model.load_state_dict(T.load(path, map_location="cpu"))  # error: 27 [OOM402]

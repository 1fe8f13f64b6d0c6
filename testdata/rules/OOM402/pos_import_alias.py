import torch as T


def restore(model, path):
    # error: OOM402
    model.load_state_dict(T.load(path))

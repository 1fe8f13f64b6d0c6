import torch


def sample(model, x, steps):
    h = None
    out = []
    for _ in range(steps):
        logits, h = model(x, h)
        x = logits.argmax(-1)
        out.append(x)
    return out

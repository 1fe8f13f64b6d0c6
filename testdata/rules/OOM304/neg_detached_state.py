import torch


def generate_sequence(model, x, n):
    model.cuda()
    state = None
    outs = []
    for _ in range(n):
        y, state = model(x.cuda(), state)
        state = state.detach()
        x = y.argmax(-1)
        outs.append(x)
    return outs

import torch


def run(torch, model, x):
    # a parameter named torch: not the module
    with torch.cuda.amp.autocast():
        return model(x)


def run2(model, x):
    autocast = make_autocast()
    with autocast():
        return model(x)

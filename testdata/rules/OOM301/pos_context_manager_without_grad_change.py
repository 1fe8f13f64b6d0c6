import contextlib

import torch


@contextlib.contextmanager
def eval_mode(model):
    # switches dropout and batch norm, not autograd
    model.eval()
    yield
    model.train()


def evaluate(model, loader):
    model = model.cuda()
    with eval_mode(model):
        for x in loader:
            # error: OOM301 "autograd"
            print(model(x.cuda()).argmax(-1).tolist())

import torch
from torch import inference_mode, no_grad


@torch.no_grad()
def evaluate(model, loader):
    return [model(x) for x in loader]


@torch.no_grad
def validate(model, loader):
    return [model(x) for x in loader]


@inference_mode()
def predict(model, x):
    return model(x)


@no_grad()
def test(model, test_loader):
    return sum(model(x).sum() for x in test_loader)

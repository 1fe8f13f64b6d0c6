import torch
from accelerate import Accelerator
from accelerate.test_utils.testing import get_backend


def evaluate_accelerated(model, val_loader):
    device = Accelerator().device
    model.to(device)
    model.eval()
    for batch in val_loader:
        # error: OOM301 "in `evaluate_accelerated`, an evaluation function"
        print(model(batch.to(device)).argmax(-1))


def predict_all(model, test_loader):
    device, _, _ = get_backend()
    for batch in test_loader:
        # error: OOM301 "in `predict_all`, an evaluation function"
        print(model(batch.to(device)).argmax(-1))


def pick_device():
    if torch.cuda.is_available():
        return torch.device("cuda")
    return torch.device("cpu")


def validate(model, val_loader):
    device = pick_device()
    model = model.to(device)
    # error: OOM301 "in `validate`, an evaluation function"
    return [model(x).sum().item() for x in val_loader]

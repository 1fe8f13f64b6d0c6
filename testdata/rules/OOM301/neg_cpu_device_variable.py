# The only device this file knows is the CPU (also through a variable and torch.device).
import torch

device = torch.device("cpu")
cpu = "cpu"


def validate(model, val_loader):
    model.to(device)
    model.eval()
    total = 0.0
    for x, y in val_loader:
        total += (model(x.to(device)).argmax(1) == y.to(cpu)).sum().item()
    return total

import torch


def reset_grads(model):
    for param in model.parameters():
        if param.grad is not None:
            param.grad.zero_()


def train(model, loader, criterion):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    for x, y in loader:
        reset_grads(model)
        criterion(model(x), y).backward()
        optimizer.step()

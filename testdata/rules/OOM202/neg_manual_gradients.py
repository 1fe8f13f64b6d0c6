import torch


def train(model, loader, optimizer, criterion):
    params = list(model.parameters())
    for x, y in loader:
        loss = criterion(model(x), y)
        grads = torch.autograd.grad(loss, params)
        optimizer.zero_grad()
        for p, g in zip(params, grads):
            p.grad = g.clone()
        optimizer.step()

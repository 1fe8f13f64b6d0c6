import torch


def train(model, loader, optimizer, criterion, last_layer):
    for x, y in loader:
        optimizer.zero_grad()
        out = model(x)
        loss = criterion(out, y)
        loss.backward(retain_graph=True)
        grads = torch.autograd.grad(out.sum(), last_layer.weight)
        print(grads[0].norm().item())
        optimizer.step()

import torch

for x, y in loader:
    optimizer.zero_grad()
    x.requires_grad_(True)
    loss = criterion(model(x), y)
    loss.backward(retain_graph=True)
    (input_grad,) = torch.autograd.grad(loss, x)
    penalty(input_grad)
    optimizer.step()

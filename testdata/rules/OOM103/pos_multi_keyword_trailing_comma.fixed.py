import torch
torch.cuda.set_device(0)

for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    # error: OOM103
    torch.autograd.backward(loss, grad_tensors=None,)
    optimizer.step()

import torch

for i, (x, y) in enumerate(loader):
    loss = criterion(model(x), y) / accum_steps
    loss.backward(retain_graph=True)  # error: 5 [OOM103]
    if (i + 1) % accum_steps == 0:
        optimizer.step()
        optimizer.zero_grad()

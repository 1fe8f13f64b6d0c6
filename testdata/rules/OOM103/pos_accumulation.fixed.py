import torch
torch.cuda.set_device(0)

for i, (x, y) in enumerate(loader):
    loss = criterion(model(x), y) / accum_steps
    # error: OOM103
    loss.backward()
    if (i + 1) % accum_steps == 0:
        optimizer.step()
        optimizer.zero_grad()

import torch
torch.cuda.set_device(0)

step = 0
while step < total:
    optimizer.zero_grad()
    out = model(next(batches))
    # error: OOM103
    out.loss.backward(retain_graph=True)
    optimizer.step()
    step += 1

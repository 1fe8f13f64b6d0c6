import torch

step = 0
while step < total:
    optimizer.zero_grad()
    out = model(next(batches))
    out.loss.backward(retain_graph=True)  # error: 5 [OOM103]
    optimizer.step()
    step += 1

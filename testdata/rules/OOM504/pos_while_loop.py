import torch

step = 0
while step < max_steps:
    batch = next(it)
    optimizer.zero_grad()
    loss = model(batch).loss
    loss.backward()
    optimizer.step()
    step += 1
    # error: OOM504
    torch.cuda.empty_cache()

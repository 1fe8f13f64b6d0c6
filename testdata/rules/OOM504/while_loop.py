import torch

step = 0
while step < max_steps:
    batch = next(it)
    optimizer.zero_grad()
    loss = model(batch).loss
    loss.backward()
    optimizer.step()
    step += 1
    torch.cuda.empty_cache()  # error: 5 [OOM504]

import torch

for step, batch in enumerate(loader):
    optimizer.zero_grad()
    model(batch).loss.backward()
    optimizer.step()
    if step % 50:
        continue
    torch.cuda.empty_cache()

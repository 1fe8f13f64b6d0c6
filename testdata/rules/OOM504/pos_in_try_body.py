import torch

for batch in loader:
    try:
        optimizer.zero_grad()
        loss = model(batch).loss
        loss.backward()
        optimizer.step()
    finally:
        # error: OOM504
        torch.cuda.empty_cache()

import torch

for batch in loader:
    try:
        optimizer.zero_grad()
        loss = model(batch).loss
        loss.backward()
        optimizer.step()
    finally:
        torch.cuda.empty_cache()  # error: 9 [OOM504]

import torch

for x, y in loader:
    optimizer.zero_grad()  # error: 5 [OOM202]
    loss = criterion(model(x), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()

import torch

history = []
for x, y in loader:
    optimizer.zero_grad()
    out = model(x.cuda())
    loss = criterion(out, y)
    loss.backward()
    optimizer.step()
    history.append(out.detach().cpu())

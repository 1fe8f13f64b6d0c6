import torch

history = []
total_loss = 0
for batch in loader:
    out = model(batch)
    loss = criterion(out, batch.y)
    total_loss += loss
    history.append(loss)
    losses = [l.item() for l in history]
    running = total_loss.detach().cpu()
    stats = {"loss": loss.detach(), "acc": acc.item()}
    del out, loss
    torch.cuda.empty_cache()

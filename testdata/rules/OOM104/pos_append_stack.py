import torch


def train_step(model, batch, optimizer, device, micro=8):
    model.to(device)
    optimizer.zero_grad()
    losses = []
    for mb in batch.split(micro):
        mb = mb.to(device)
        loss = model(mb).mean()
        # error: OOM104 "`losses` collects the loss of every pass"
        losses.append(loss)
    torch.stack(losses).mean().backward()
    optimizer.step()

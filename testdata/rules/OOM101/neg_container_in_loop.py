import torch


def train(model, loader, optimizer, criterion):
    for x, y in loader:
        step_losses = []
        for chunk_x, chunk_y in zip(x.chunk(4), y.chunk(4)):
            step_losses.append(criterion(model(chunk_x), chunk_y))
        loss = torch.stack(step_losses).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

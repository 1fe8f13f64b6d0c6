import torch


def train_step(model, batch, optimizer):
    """One optimisation step."""
    optimizer.zero_grad()
    loss = model(batch).mean()
    loss.backward()
    # error: OOM202
    optimizer.step()
    return loss.item()

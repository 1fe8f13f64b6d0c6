import torch


def train_step(model, batch, optimizer):
    """One optimisation step."""
    loss = model(batch).mean()
    loss.backward()
    # error: OOM202
    optimizer.zero_grad()
    optimizer.step()
    return loss.item()

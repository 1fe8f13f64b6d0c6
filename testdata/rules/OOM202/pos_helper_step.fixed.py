import torch


def train_step(model, batch, optimizer):
    """One optimisation step."""
    optimizer.zero_grad()  # error: [OOM202]
    loss = model(batch).mean()
    loss.backward()
    optimizer.step()
    return loss.item()

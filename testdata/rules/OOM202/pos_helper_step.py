import torch


def train_step(model, batch, optimizer):
    """One optimisation step."""
    loss = model(batch).mean()
    loss.backward()
    optimizer.zero_grad()  # error: [OOM202]
    optimizer.step()
    return loss.item()

import torch


def train_step(model, batch, optimizer):
    optimizer.zero_grad()
    loss = model(batch).mean()
    loss.backward()
    optimizer.step()
    # error: OOM504 "the training loop that calls `train_step`"
    torch.cuda.empty_cache()
    return loss.item()


def train(model, loader, optimizer, epochs):
    for epoch in range(epochs):
        for batch in loader:
            train_step(model, batch, optimizer)

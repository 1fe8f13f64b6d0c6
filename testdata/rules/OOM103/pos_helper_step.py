import torch
torch.cuda.set_device(0)


def train_step(model, batch, optimizer):
    optimizer.zero_grad()
    loss = model(batch).mean()
    # error: OOM103
    loss.backward(retain_graph=True)
    optimizer.step()
    return loss.item()


def train(model, loader, optimizer, epochs):
    for epoch in range(epochs):
        for batch in loader:
            train_step(model, batch, optimizer)

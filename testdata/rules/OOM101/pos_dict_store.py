import torch
torch.cuda.set_device(0)


def fit(model, loader, optimizer, loss_fn, epochs=10):
    per_epoch = {}
    for epoch in range(epochs):
        for x, y in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
        # the last batch's loss, with its graph, is kept per epoch
        # error: OOM101 "stored in `per_epoch`"
        per_epoch[epoch] = loss
    return per_epoch

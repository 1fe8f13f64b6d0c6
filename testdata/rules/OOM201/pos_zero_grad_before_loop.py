import torch


def train(model, loader, loss_fn):
    opt = torch.optim.Adam(model.parameters(), lr=3e-4)
    opt.zero_grad()
    # error: OOM201
    for batch in loader:
        loss = loss_fn(model(batch["x"]), batch["y"])
        loss.backward()
        opt.step()

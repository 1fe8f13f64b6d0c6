import torch


def train_step(model, batch, optimizer):
    loss = model(batch).mean()
    loss.backward()
    optimizer.step()
    return loss.item()


def main(model, loader):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    # error: OOM201
    for batch in loader:
        train_step(model, batch, optimizer)

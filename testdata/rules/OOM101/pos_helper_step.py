import torch
torch.cuda.set_device(0)

history = []


def train_step(model, batch, optimizer):
    optimizer.zero_grad()
    loss = model(batch).mean()
    loss.backward()
    optimizer.step()
    # error: OOM101 "stored in `history`"
    history.append(loss)


def main(model, loader, optimizer):
    for batch in loader:
        train_step(model, batch, optimizer)

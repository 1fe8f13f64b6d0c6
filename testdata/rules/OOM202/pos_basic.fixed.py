import torch


def train(model, loader, criterion):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for x, y in loader:
        optimizer.zero_grad()  # error: 9 [OOM202] "wipes the gradients"
        out = model(x)
        loss = criterion(out, y)
        loss.backward()
        optimizer.step()

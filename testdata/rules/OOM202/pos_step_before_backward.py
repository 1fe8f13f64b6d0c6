import torch


def train(model, loader, criterion):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for x, y in loader:
        x = x.cuda()
        # error: OOM202
        optimizer.zero_grad()
        optimizer.step()
        loss = criterion(model(x), y)
        loss.backward()

import torch


def train(model, loader, criterion):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for x, y in loader:
        x = x.cuda()
        optimizer.zero_grad()  # error: [OOM202]
        optimizer.step()
        loss = criterion(model(x), y)
        loss.backward()

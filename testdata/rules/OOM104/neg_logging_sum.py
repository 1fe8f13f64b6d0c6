import torch


def train(model, loader, optimizer, criterion):
    model.cuda()
    for epoch in range(10):
        losses = []
        for x, y in loader:
            optimizer.zero_grad()
            loss = criterion(model(x.cuda()), y.cuda())
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        print(sum(losses) / len(losses))

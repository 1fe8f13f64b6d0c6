import torch


def train(model, loader, optimizer, criterion, accum):
    model.cuda()
    for big_batch in loader:
        optimizer.zero_grad()
        running = 0.0
        for x, y in big_batch:
            loss = criterion(model(x.cuda()), y.cuda()) / accum
            loss.backward()
            running += loss.item()
        optimizer.step()
        print(running)

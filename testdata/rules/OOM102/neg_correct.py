import torch


def train(model, loader, optimizer, criterion):
    correct = 0
    seen = 0
    for data, target in loader:
        optimizer.zero_grad()
        output = model(data)
        loss = criterion(output, target)
        loss.backward()
        optimizer.step()
        pred = output.argmax(dim=1, keepdim=True)
        correct += pred.eq(target.view_as(pred)).sum()
        correct += (output.max(1)[1] == target).sum()
        seen += target.size(0)
        seen += len(data)
    return correct.item() / seen

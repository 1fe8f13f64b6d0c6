import torch


def train(backbone, heads, optimizer, criterion, loader):
    backbone.cuda()
    for x, ys in loader:
        optimizer.zero_grad()
        features = backbone(x.cuda())
        loss = 0
        for head, y in zip(heads, ys):
            loss += criterion(head(features), y.cuda())
        loss.backward()
        optimizer.step()

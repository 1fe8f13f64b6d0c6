import torch


def train_then_eval(model, loader, val_loader, optimizer, criterion):
    model.cuda()
    for x, y in loader:
        optimizer.zero_grad()
        criterion(model(x.cuda()), y.cuda()).backward()
        optimizer.step()
    val_loss = 0
    with torch.no_grad():
        for x, y in val_loader:
            val_loss += criterion(model(x.cuda()), y.cuda())
    return val_loss

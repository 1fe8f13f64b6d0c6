import torch


def train(model, loader, optimizer, criterion):
    history = {}
    accs = []
    for epoch, (x, y) in enumerate(loader):
        out = model(x)
        loss = criterion(out, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        accs.append((out.argmax(dim=1) == y).float().mean())
        _, predicted = torch.max(out, 1)
        accs.append(predicted.eq(y).sum())
        history[epoch] = float(loss)
        history["last"] = loss.tolist()
        history["grad_norm"] = loss.detach()
    return history, accs

import torch


def train(model, loader, optimizer, criterion, chunks=4):
    model.cuda()
    for x, y in loader:
        optimizer.zero_grad()
        total = 0
        for xc, yc in zip(x.chunk(chunks), y.chunk(chunks)):
            out = model(xc.cuda())
            # error: OOM104 "`total` adds up the loss of every pass"
            total = total + criterion(out, yc.cuda())
        (total / chunks).backward()
        optimizer.step()

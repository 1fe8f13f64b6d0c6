import torch


def sample_sequence(model, start, steps):
    h = None
    x = start
    out = []
    for _ in range(steps):
        logits, h = model(x, h)
        x = logits.argmax(-1)
        out.append(x)
    return out


def train(model, loader, optimizer, criterion):
    model.cuda()
    for step, (x, y) in enumerate(loader):
        logits, _ = model(x.cuda())
        loss = criterion(logits, y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % 500 == 0:
            with torch.no_grad():
                print(sample_sequence(model, x[:1, :1].cuda(), 50))

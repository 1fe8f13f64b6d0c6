import torch
torch.cuda.set_device(0)
def train(net, loader, opt, criterion):
    running = 0.0
    for x, y in loader:
        opt.zero_grad()
        loss = criterion(net(x), y)
        loss.backward()
        opt.step()
        # error: OOM102
        running = running + loss
    print("loss", running / len(loader))

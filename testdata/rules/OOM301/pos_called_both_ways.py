import torch


def evaluate(model, loader):
    # error: OOM301
    return sum(model(x.cuda()).sum().item() for x in loader)


def main(model, loader, optimizer):
    for x in loader:
        optimizer.zero_grad()
        model(x).mean().backward()
        optimizer.step()
    with torch.no_grad():
        print(evaluate(model, loader))
    print(evaluate(model, loader))

import torch


def train(args, model, loader, criterion):
    optimizer = getattr(torch.optim, args.optimizer)(model.parameters(), lr=args.lr)
    # error: OOM201
    for x, y in loader:
        criterion(model(x), y).backward()
        optimizer.step()

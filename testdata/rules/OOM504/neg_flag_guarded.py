import torch


def train(model, loader, optimizer, criterion, args):
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        if args.low_memory:
            torch.cuda.empty_cache()

import torch


def train(model, loader, criterion):
    # the call below is spelt with fullwidth letters, which Python reads in NFKC form (ASCII)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    # error: OOM201
    for x, y in loader:
        loss = criterion(model(x), y)
        loss.ｂａｃｋｗａｒｄ()
        optimizer.step()

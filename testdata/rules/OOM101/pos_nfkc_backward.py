import torch
torch.cuda.set_device(0)


def train(model, loader, criterion):
    # the call below is spelt with fullwidth letters, which Python reads in NFKC form (ASCII)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    history = []
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.ｂａｃｋｗａｒｄ()
        optimizer.step()
        # error: OOM101 "`loss` is stored in `history`"
        history.append(loss)
    return history

import torch


def train(model, x, y, criterion, steps):
    optimizer = torch.optim.LBFGS(model.parameters())
    for _ in range(steps):
        loss = criterion(model(x), y)
        loss.backward()

        def closure():
            optimizer.zero_grad()
            out = criterion(model(x), y)
            out.backward()
            return out

        optimizer.step(closure)

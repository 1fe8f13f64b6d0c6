import torch

model = torch.nn.Linear(10, 2).cuda()
optimizer = torch.optim.Adam(model.parameters())


def train(loader, compute):
    history = []
    for x, y in loader:
        # compute() is not known, but loss is backpropagated below: it carries a graph
        loss = compute(model, x.cuda(), y.cuda())
        # error: OOM101
        history.append(loss)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return history

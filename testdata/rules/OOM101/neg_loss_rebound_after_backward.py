import torch
import torch.nn.functional as F

model = torch.nn.Linear(10, 2).cuda()
optimizer = torch.optim.Adam(model.parameters())


def fit(loader):
    running_loss = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        loss = F.nll_loss(model(x.cuda()), y.cuda())
        running_loss += loss.data
        loss.backward()
        optimizer.step()
    # the name is reused for the epoch's mean of detached values, after its last backward
    loss = running_loss / len(loader)
    return loss


def run(loader, epochs):
    losses = []
    for epoch in range(epochs):
        epoch_loss = fit(loader)
        losses.append(epoch_loss)
    return losses

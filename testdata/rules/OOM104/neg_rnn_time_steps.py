import torch


def train_sequence(model, optimizer, criterion, inputs, targets):
    model.cuda()
    hidden = model.init_hidden()
    optimizer.zero_grad()
    loss = 0
    for t in range(inputs.size(0)):
        output, hidden = model(inputs[t].cuda(), hidden)
        loss += criterion(output, targets[t].cuda())
    loss.backward()
    optimizer.step()

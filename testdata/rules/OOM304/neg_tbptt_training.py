import torch


def repackage_hidden(h):
    if isinstance(h, torch.Tensor):
        return h.detach()
    return tuple(repackage_hidden(v) for v in h)


def train(model, train_data, optimizer, criterion, bptt, device):
    model.to(device)
    model.train()
    hidden = model.init_hidden(20)
    for i in range(0, train_data.size(0) - 1, bptt):
        data, targets = train_data[i:i + bptt].to(device), train_data[i + 1:i + 1 + bptt].to(device)
        hidden = repackage_hidden(hidden)
        optimizer.zero_grad()
        output, hidden = model(data, hidden)
        loss = criterion(output, targets)
        loss.backward()
        optimizer.step()

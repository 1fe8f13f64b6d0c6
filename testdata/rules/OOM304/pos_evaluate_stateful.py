import torch


def evaluate(model, val_data, criterion, bptt, device):
    model.to(device)
    model.eval()
    total = 0.0
    hidden = model.init_hidden(10)
    for i in range(0, val_data.size(0) - 1, bptt):
        data, targets = val_data[i:i + bptt].to(device), val_data[i + 1:i + 1 + bptt].to(device)
        # error: OOM304
        output, hidden = model(data, hidden)
        total += len(data) * criterion(output, targets).item()
    return total / len(val_data)

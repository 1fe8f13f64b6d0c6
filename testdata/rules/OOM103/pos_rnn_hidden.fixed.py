import torch
import torch.nn as nn
torch.cuda.set_device(0)


def train(model, batches, optimizer, ntokens):
    criterion = nn.CrossEntropyLoss()
    hidden = model.init_hidden(20)
    for data, targets in batches:
        model.zero_grad()
        output, hidden = model(data, hidden)
        loss = criterion(output.view(-1, ntokens), targets)
        # error: OOM103 "hidden state"
        loss.backward()
        optimizer.step()

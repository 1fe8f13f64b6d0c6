import torch
from torch import nn

model = nn.Linear(512, 10).cuda()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


def train(loader, accum=4):
    for big_batch in loader:
        optimizer.zero_grad()
        loss_sum = 0.0
        for x, y in big_batch:
            out = model(x.cuda())
            # error: OOM104 "`loss_sum` adds up the loss of every pass"
            loss_sum += criterion(out, y.cuda())
        (loss_sum / accum).backward()
        optimizer.step()

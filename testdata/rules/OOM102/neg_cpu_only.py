# A CPU-only smoke test at the bottom of a model file: no GPU memory is at stake.
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 2)

    def forward(self, x):
        return self.fc(x)


def test():
    net = Net()
    opt = torch.optim.Adam(net.parameters())
    total = 0
    for _ in range(3):
        loss = net(torch.randn(2, 10)).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
        total += loss
    print(total)

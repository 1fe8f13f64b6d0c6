# A model file whose training code uses CUDA; the smoke test at the bottom builds a fresh model and
# feeds it one random batch on the CPU. Nothing calls it.
import torch
from torch import nn


class ResNet18(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3 * 32 * 32, 10)

    def forward(self, x):
        return self.fc(x.flatten(1))


def train(loader):
    net = ResNet18().cuda()
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    for x, y in loader:
        opt.zero_grad()
        nn.functional.cross_entropy(net(x.cuda()), y.cuda()).backward()
        opt.step()


def test():
    net = ResNet18()
    y = net(torch.randn(2, 3, 32, 32))
    print(y.size())

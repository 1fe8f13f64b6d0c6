import torch
from torch import nn


def train(loader, epochs):
    net = nn.Sequential(nn.Linear(10, 10), nn.ReLU(), nn.Linear(10, 1))
    opt = torch.optim.Adam(net.parameters())
    for epoch in range(epochs):
        for x, y in loader:
            net.zero_grad()
            loss = nn.functional.mse_loss(net(x), y)
            loss.backward()
            # error: OOM202 "`opt.step()`"
            opt.step()

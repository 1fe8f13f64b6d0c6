import torch
import torch.nn as nn


class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc(x)


class Scale(nn.Module):
    def forward(self, x, y):
        return x * y + y


if __name__ == "__main__":
    # shape check of a freshly built model: no trained weights, no inference
    net = TinyNet()
    out = net(torch.randn(4, 8))
    print(out.shape)
    scale = Scale()
    print(scale(torch.randn(3), torch.randn(3)))

import torch.nn as nn


class TinyNet(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc = nn.Linear(8, width)


for width in [4, 8, 16]:
    net = TinyNet(width)
    print(width, count_parameters(net))

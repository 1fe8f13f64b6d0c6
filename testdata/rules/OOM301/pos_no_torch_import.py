from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 2)

    def forward(self, x):
        return self.fc(x)


def predict(net, inputs, device):
    net.eval()
    # error: OOM301 "in `predict`, an evaluation function"
    return net(inputs.to(device)).argmax(dim=1)

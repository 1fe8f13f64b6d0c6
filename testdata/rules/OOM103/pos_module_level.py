import torch
from torch import nn, optim
torch.cuda.set_device(0)

model = nn.Linear(10, 1)
opt = optim.SGD(model.parameters(), lr=0.1)
for i in range(100):
    x = torch.randn(32, 10)
    loss = model(x).pow(2).mean()
    opt.zero_grad()
    # error: OOM103
    loss.backward(retain_graph=True)
    opt.step()

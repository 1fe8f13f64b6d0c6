import torch

net = torch.nn.Linear(8, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for x, y in loader:
    loss = criterion(net(x), y)
    loss.backward()
    # error: OOM202 "`net.zero_grad()`"
    net.zero_grad()
    opt.step()

import torch as T
import torch.nn.functional as Fn
from torch import optim as O

from models import ConvNet
T.cuda.set_device(0)

net = ConvNet()
sgd = O.SGD(net.parameters(), lr=0.01, momentum=0.9)
batch_losses = []

for epoch in range(5):
    for images, labels in train_loader:
        sgd.zero_grad()
        out = net(images)
        # error: OOM101
        batch_losses.append(Fn.cross_entropy(out, labels).detach())
        Fn.cross_entropy(out, labels).backward()
        sgd.step()

print(T.stack(batch_losses).mean())

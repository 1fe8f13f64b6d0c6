from torch import optim as O
import torch.nn.functional as F

net = build_net()
sgd = O.SGD(net.parameters(), lr=0.1)
# error: OOM201
for xb, yb in train_dl:
    F.cross_entropy(net(xb), yb).backward()
    sgd.step()

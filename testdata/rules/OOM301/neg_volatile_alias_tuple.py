# PyTorch 0.3 evaluation through an alias of Variable, both inputs made volatile in one tuple
# assignment (hendrycks/robustness): nothing after it records a graph.
import torch
import torch.nn.functional as F
from torch.autograd import Variable as V

net = build_net()
net.cuda()


def test():
    net.eval()
    loss_avg = 0.0
    for batch_idx, (data, target) in enumerate(test_loader):
        data, target = V(data.cuda(), volatile=True), V(target.cuda(), volatile=True)
        output = net(data)
        loss = F.cross_entropy(output, target)
        loss_avg += loss.data[0]
    state["test_loss"] = loss_avg / len(test_loader)


for epoch in range(10):
    train()
    test()

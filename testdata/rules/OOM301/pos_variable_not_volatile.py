import torch
from torch.autograd import Variable


def evaluate(net, valid_data, criterion):
    net = net.cuda().eval()
    total = 0
    for im, label in valid_data:
        im = Variable(im.cuda())
        label = Variable(label.cuda(), volatile=False)
        # error: OOM301 "autograd"
        output = net(im)
        total += criterion(output, label).item()
    return total

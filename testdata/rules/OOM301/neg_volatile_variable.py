# PyTorch 0.3 code: a volatile input turned autograd off for the whole forward pass (and
# `loss.data[0]` fails on later versions), so these evaluation loops record nothing.
import torch
from torch.autograd import Variable


def evaluate(net, valid_data, criterion):
    net = net.cuda().eval()
    total = 0
    for im, label in valid_data:
        if torch.cuda.is_available():
            im = Variable(im.cuda(), volatile=True)
            label = Variable(label.cuda(), volatile=True)
        else:
            im = Variable(im, volatile=True)
            label = Variable(label, volatile=True)
        output = net(im)
        total += criterion(output, label).data[0]
    return total


def predict(model, x):
    model.cuda().eval()
    return model(Variable(x.cuda(), volatile=True))


def train_and_validate(net, train_data, valid_data, optimizer, criterion):
    net = net.cuda()
    for epoch in range(10):
        net = net.train()
        for im, label in train_data:
            im = Variable(im.cuda())
            label = Variable(label.cuda())
            loss = criterion(net(im), label)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        net = net.eval()
        for im, label in valid_data:
            im = Variable(im, volatile=True).cuda()
            label = Variable(label, volatile=True).cuda()
            output = net(im)
            print(criterion(output, label).data[0])

import torch
import torch.nn as nn

# a notebook's first cell trains on the CPU; a later cell sets the device and moves a new model
net = nn.Sequential(nn.Linear(3 * 32 * 32, 1000), nn.ReLU(), nn.Linear(1000, 10))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
for epoch in range(3):
    train_loss = 0
    for i, (batch, targets) in enumerate(train_loader):
        output = net(batch)
        loss = criterion(output, targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        train_loss += loss

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
net = nn.Sequential(nn.Linear(3 * 32 * 32, 1000), nn.ReLU(), nn.Linear(1000, 10))
net = net.to(device)
for epoch in range(3):
    for i, (batch, targets) in enumerate(train_loader):
        batch = batch.to(device)
        targets = targets.to(device)
        loss = criterion(net(batch), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

import torch
import torch.nn as nn

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
net = nn.Sequential(nn.Linear(3 * 32 * 32, 1000), nn.ReLU(), nn.Linear(1000, 10))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
net.to(device)
for epoch in range(3):
    train_loss = 0
    for i, (batch, targets) in enumerate(train_loader):
        output = net(batch.to(device))
        loss = criterion(output, targets.to(device))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        # error: OOM102 "`train_loss`"
        train_loss += loss

import torch
import torchvision

device = torch.device("cuda")
model = torchvision.models.resnet152(weights=None).to(device)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)

for epoch in range(90):
    # error: OOM601
    for images, targets in train_loader:
        images, targets = images.to(device), targets.to(device)
        loss = criterion(model(images), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

# ResNet-18 (11M parameters) on CIFAR-10: small network, small activations; float32 costs little.
import torch
import torchvision

device = torch.device("cuda")
model = torchvision.models.resnet18(num_classes=10).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for epoch in range(30):
    for images, labels in train_loader:
        loss = criterion(model(images.to(device)), labels.to(device))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

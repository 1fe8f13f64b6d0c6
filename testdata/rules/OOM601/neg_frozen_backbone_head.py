# Transfer learning that trains only a new head on a frozen network: the backward stops at the head,
# so the backbone keeps no activations for it and float32 costs little.
import torch
import torchvision

device = torch.device("cuda")
model = torchvision.models.resnet50(weights="DEFAULT")
for param in model.parameters():
    param.requires_grad = False
model.fc = torch.nn.Linear(2048, 120)
model = model.to(device)
optimizer = torch.optim.Adam([{"params": model.fc.parameters()}], lr=1e-3)

for epoch in range(10):
    for images, labels in train_loader:
        loss = criterion(model(images.to(device)), labels.to(device))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

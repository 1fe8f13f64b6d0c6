# Fine-tuning torchvision's AlexNet: five convolutions on small maps keep little activation memory, and
# autocast would not shrink the float32 weights and Adam state that make the rest.
import torch
import torchvision

device = torch.device("cuda")
model = torchvision.models.alexnet(weights="IMAGENET1K_V1")
model.classifier[6] = torch.nn.Linear(4096, 2)
model = model.to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
for epoch in range(10):
    for images, labels in train_loader:
        loss = torch.nn.functional.cross_entropy(model(images.to(device)), labels.to(device))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

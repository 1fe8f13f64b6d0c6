"""Train a timm ResNet-50 with SGD and momentum."""
import timm
import torch

model = timm.create_model("resnet50", pretrained=True, num_classes=1000).cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
for images, labels in loader:
    loss = torch.nn.functional.cross_entropy(model(images.cuda()), labels.cuda())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

# A small convolutional network, but over a folder of images of unknown size: convolution
# activations grow with the image, so the evaluation's graph may be large.
import torch
import torch.nn as nn
from torchvision import datasets, transforms

device = torch.device("cuda")
test_set = datasets.ImageFolder("data/test", transform=transforms.ToTensor())
test_loader = torch.utils.data.DataLoader(test_set, batch_size=64)


class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 3)
        self.conv2 = nn.Conv2d(32, 64, 3)
        self.head = nn.Linear(64, 2)

    def forward(self, x):
        x = torch.relu(self.conv2(torch.relu(self.conv1(x))))
        return self.head(x.mean((2, 3)))


model = SmallCNN().to(device)
model.eval()
for x, y in test_loader:
    # error: OOM301 "`model(x.to(device))`"
    pred = model(x.to(device)).argmax(1)

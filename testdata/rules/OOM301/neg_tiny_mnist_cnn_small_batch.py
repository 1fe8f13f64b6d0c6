# A lesson's MNIST CNN (16-32-64 channels) tested in batches of 16: one batch's activations are a few
# megabytes, so the missing no_grad costs no GPU memory worth a finding.
import torch
import torch.nn as nn
import torchvision.datasets as dset
import torchvision.transforms as transforms

batch_size = 16
mnist_test = dset.MNIST("./", train=False, transform=transforms.ToTensor(), download=True)
test_loader = torch.utils.data.DataLoader(dataset=mnist_test, batch_size=batch_size, shuffle=True)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = nn.Sequential(nn.Conv2d(1, 16, 5), nn.ReLU(), nn.Conv2d(16, 32, 5), nn.ReLU(),
                                   nn.MaxPool2d(2, 2), nn.Conv2d(32, 64, 5), nn.ReLU(), nn.MaxPool2d(2, 2))
        self.fc_layer = nn.Sequential(nn.Linear(64 * 3 * 3, 100), nn.ReLU(), nn.Linear(100, 10))

    def forward(self, x):
        out = self.layer(x)
        return self.fc_layer(out.view(batch_size, -1))


cnn = CNN().cuda()
correct = 0
for image, label in test_loader:
    x = image.cuda()
    output = cnn(x)
    correct += (output.argmax(1).cpu() == label).sum().item()

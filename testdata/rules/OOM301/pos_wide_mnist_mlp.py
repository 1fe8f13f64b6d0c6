# The same loop over MNIST, but the network is not a toy: three 4096-wide layers (35 M parameters).
import torch
import torch.nn as nn
import torchvision.datasets as dset
import torchvision.transforms as transforms

device = torch.device("cuda")
mnist_test = dset.MNIST("./", train=False, transform=transforms.ToTensor(), download=True)
test_loader = torch.utils.data.DataLoader(mnist_test, batch_size=1000)
model = nn.Sequential(nn.Flatten(), nn.Linear(784, 4096), nn.ReLU(), nn.Linear(4096, 4096), nn.ReLU(),
                      nn.Linear(4096, 4096), nn.ReLU(), nn.Linear(4096, 10)).to(device)
model.eval()
correct = 0
for images, labels in test_loader:
    # error: OOM301 "`model(images.to(device))`"
    output = model(images.to(device))
    correct += (output.argmax(1) == labels.to(device)).sum().item()

# MNIST, but the network comes from another module: its size is not shown here.
import torch
import torchvision.datasets as dset
import torchvision.transforms as transforms
from models import ResNeXt

device = torch.device("cuda")
mnist_test = dset.MNIST("./", train=False, transform=transforms.ToTensor(), download=True)
test_loader = torch.utils.data.DataLoader(mnist_test, batch_size=512)
model = ResNeXt(depth=101).to(device)
model.eval()
for images, labels in test_loader:
    # error: OOM301 "`model(images.to(device))`"
    output = model(images.to(device))

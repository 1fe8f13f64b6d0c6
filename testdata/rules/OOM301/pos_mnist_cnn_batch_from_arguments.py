# The same kind of CNN, but the test batch comes from the command line (1000 by default): one batch's
# convolution outputs are hundreds of megabytes, and the code does not show them small.
import argparse

import torch
import torch.nn as nn
from torchvision import datasets, transforms

parser = argparse.ArgumentParser()
parser.add_argument("--test-batch-size", type=int, default=1000)
args = parser.parse_args()
device = torch.device("cuda")
test_loader = torch.utils.data.DataLoader(datasets.MNIST("../data", train=False, transform=transforms.ToTensor()),
                                          batch_size=args.test_batch_size)
model = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.Flatten(),
                      nn.Linear(36864, 10)).to(device)
model.eval()
for data, target in test_loader:
    # error: OOM301 "`model(data.to(device))`"
    output = model(data.to(device))

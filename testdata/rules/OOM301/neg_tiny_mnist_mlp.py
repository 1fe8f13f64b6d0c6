# A tutorial's MNIST classifier (784-256-10, 0.2 M parameters): its test loop without no_grad keeps
# one batch's graph of a few megabytes at a time. No GPU memory is at stake.
import torch
import torch.nn as nn
import torchvision.datasets as dset
import torchvision.transforms as transforms

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
batch_size = 100
hidden = 256

mnist_test = dset.MNIST("./", train=False, transform=transforms.ToTensor(), download=True)
test_loader = torch.utils.data.DataLoader(mnist_test, batch_size=batch_size)


class Net(nn.Module):
    def __init__(self, hidden_size):
        super().__init__()
        self.fc1 = nn.Linear(28 * 28, hidden_size)
        self.fc2 = nn.Linear(hidden_size, 10)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x.view(-1, 28 * 28))))


model = Net(hidden).to(device)
model.eval()
correct = 0
for images, labels in test_loader:
    images, labels = images.to(device), labels.to(device)
    output = model(images)
    correct += (output.argmax(1) == labels).sum().item()
print(correct / len(mnist_test))

import torch
import torchvision


def test_one_training_step():
    model = torchvision.models.resnet18().cuda()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(2):
        loss = model(torch.randn(2, 3, 224, 224, device="cuda")).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

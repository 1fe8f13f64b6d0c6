import torch
import torchvision

device = torch.device("cuda")
vgg = torchvision.models.vgg19(weights="DEFAULT").features.to(device).eval()
target = content.clone().to(device).requires_grad_(True)
optimizer = torch.optim.Adam([target], lr=0.003)

for step in range(2000):
    loss = torch.nn.functional.mse_loss(vgg(target), vgg(content.to(device)))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

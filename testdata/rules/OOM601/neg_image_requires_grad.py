# Style transfer: the optimizer updates the image itself (made trainable in the call); the network is frozen.
import torch
import torchvision

device = torch.device("cuda")
net = torchvision.models.vgg19(weights="DEFAULT").features.to(device).eval()
X = content_image.clone().to(device)
trainer = torch.optim.Adam([X.requires_grad_()], lr=0.3)

for epoch in range(500):
    loss = style_loss(net(X))
    trainer.zero_grad()
    loss.backward()
    trainer.step()

import torch
import torch.nn as nn
import torch.optim as optim


def train(netD, netG, dataloader, nz, num_epochs, device):
    criterion = nn.BCELoss()
    optimizerD = optim.Adam(netD.parameters(), lr=0.0002, betas=(0.5, 0.999))
    optimizerG = optim.Adam(netG.parameters(), lr=0.0002, betas=(0.5, 0.999))
    for epoch in range(num_epochs):
        # error: OOM201 "`optimizerG.step()`"
        for real, _ in dataloader:
            netD.zero_grad()
            label = torch.ones(real.size(0), device=device)
            criterion(netD(real).view(-1), label).backward()
            fake = netG(torch.randn(real.size(0), nz, 1, 1, device=device))
            criterion(netD(fake.detach()).view(-1), torch.zeros_like(label)).backward()
            optimizerD.step()
            # the generator's gradients are never reset
            criterion(netD(fake).view(-1), label).backward()
            optimizerG.step()

import torch


def train(netG, netD, loader, nz):
    optD = torch.optim.Adam(netD.parameters(), lr=2e-4)
    optG = torch.optim.Adam(netG.parameters(), lr=2e-4)
    for real in loader:
        fake = netG(torch.randn(real.size(0), nz))
        errD = netD(real).mean() - netD(fake.detach()).mean()
        errD.backward()
        netG.zero_grad()
        optD.step()
        netD.zero_grad()
        errG = -netD(fake).mean()
        errG.backward()
        optG.step()

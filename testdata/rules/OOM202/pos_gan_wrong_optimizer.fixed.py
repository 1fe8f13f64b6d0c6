import torch


def train(netG, netD, loader, nz):
    optD = torch.optim.Adam(netD.parameters(), lr=2e-4)
    optG = torch.optim.Adam(netG.parameters(), lr=2e-4)
    bce = torch.nn.BCELoss()
    for real in loader:
        netG.zero_grad()
        netD.zero_grad()
        fake = netG(torch.randn(real.size(0), nz, 1, 1))
        errD = bce(netD(real), torch.ones(real.size(0))) + bce(netD(fake.detach()), torch.zeros(real.size(0)))
        errD.backward()
        optD.step()

        errG = bce(netD(fake), torch.ones(real.size(0)))
        errG.backward()
        # error: OOM202 "`optG.step()`"
        optG.step()

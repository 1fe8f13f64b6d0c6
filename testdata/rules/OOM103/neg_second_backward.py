import torch


def train(generator, discriminator, loader, opt_g, opt_d):
    for real, _ in loader:
        opt_g.zero_grad()
        opt_d.zero_grad()
        d_real = discriminator(real)
        d_fake = discriminator(generator(torch.randn(real.size(0), 100)))
        z = torch.sum(torch.exp(-d_real)) + torch.sum(torch.exp(-d_fake))
        d_loss = torch.sum(d_real) + torch.log(z)
        d_loss.backward(retain_graph=True)
        opt_d.step()
        g_loss = torch.sum(d_real) + torch.sum(d_fake) + torch.log(z)
        g_loss.backward()
        opt_g.step()

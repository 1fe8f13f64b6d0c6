import torch


def generator_step(d_fake, opt_g):
    g_loss = -d_fake.mean()
    g_loss.backward()
    opt_g.step()


def train(generator, discriminator, loader, opt_g, opt_d):
    for real in loader:
        opt_d.zero_grad()
        opt_g.zero_grad()
        d_fake = discriminator(generator(torch.randn(real.size(0), 64)))
        d_loss = d_fake.mean() - discriminator(real).mean()
        d_loss.backward(retain_graph=True)
        opt_d.step()
        generator_step(d_fake, opt_g)

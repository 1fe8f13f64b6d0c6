import torch


def train(generator, discriminator, loader, latent_dim):
    opt_g = torch.optim.Adam(generator.parameters(), lr=2e-4)
    opt_d = torch.optim.Adam(discriminator.parameters(), lr=2e-4)
    for real in loader:
        opt_g.zero_grad()
        fake = generator(torch.randn(real.size(0), latent_dim))
        g_loss = -discriminator(fake).mean()
        g_loss.backward()
        opt_g.step()

        opt_d.zero_grad()
        d_loss = discriminator(fake.detach()).mean() - discriminator(real).mean()
        d_loss.backward()
        opt_d.step()

import torch
torch.cuda.set_device(0)


def train(generator, discriminator, loader, opt_g, opt_d, latent_dim):
    bce = torch.nn.BCELoss()
    for real, _ in loader:
        z = torch.randn(real.size(0), latent_dim)
        fake = generator(z)

        opt_d.zero_grad()
        d_loss = bce(discriminator(real), torch.ones(real.size(0), 1)) + bce(
            discriminator(fake.detach()), torch.zeros(real.size(0), 1))
        d_loss.backward()
        opt_d.step()

        opt_g.zero_grad()
        g_loss = bce(discriminator(fake), torch.ones(real.size(0), 1))
        # error: OOM103
        g_loss.backward()
        opt_g.step()

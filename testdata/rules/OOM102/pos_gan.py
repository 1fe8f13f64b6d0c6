import torch
import torch.nn as nn
torch.cuda.set_device(0)


def train_gan(G, D, loader, opt_g, opt_d, z_dim, epochs):
    adversarial = nn.BCEWithLogitsLoss()
    for epoch in range(epochs):
        d_loss_sum = 0.0
        g_loss_sum = 0.0
        for real in loader:
            z = torch.randn(real.size(0), z_dim)
            fake = G(z)
            opt_d.zero_grad()
            d_loss = adversarial(D(real), torch.ones(real.size(0), 1)) + adversarial(
                D(fake.detach()), torch.zeros(real.size(0), 1)
            )
            d_loss.backward()
            opt_d.step()
            opt_g.zero_grad()
            g_loss = adversarial(D(fake), torch.ones(real.size(0), 1))
            g_loss.backward()
            opt_g.step()
            # error: OOM102 "`d_loss_sum`"
            d_loss_sum += d_loss
            g_loss_sum += g_loss.item()
        print(epoch, d_loss_sum / len(loader), g_loss_sum / len(loader))

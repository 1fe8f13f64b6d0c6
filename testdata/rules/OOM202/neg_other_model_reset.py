import torch

gen = Generator()
disc = Discriminator()
opt_d = torch.optim.Adam(disc.parameters())
for real in loader:
    disc.zero_grad()
    d_loss = disc(real).mean() - disc(gen(noise()).detach()).mean()
    d_loss.backward()
    gen.zero_grad()
    opt_d.step()

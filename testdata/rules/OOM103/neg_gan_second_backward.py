import torch

for real in loader:
    fake = gen(noise())
    opt_d.zero_grad()
    d_loss = disc(real).mean() - disc(fake).mean()
    d_loss.backward(retain_graph=True)
    opt_d.step()
    opt_g.zero_grad()
    g_loss = -disc(fake).mean()
    g_loss.backward()
    opt_g.step()

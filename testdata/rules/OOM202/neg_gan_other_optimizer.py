import torch

for real in loader:
    d_loss = disc(real).mean() - disc(gen(noise()).detach()).mean()
    d_loss.backward()
    opt_g.zero_grad()
    opt_d.step()
    opt_d.zero_grad()
    g_loss = -disc(gen(noise())).mean()
    g_loss.backward()
    opt_g.step()

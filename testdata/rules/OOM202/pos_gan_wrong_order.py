import torch

for real in loader:
    opt_d.zero_grad()
    d_loss = disc(real).mean() - disc(gen(noise()).detach()).mean()
    d_loss.backward()
    opt_d.step()
    g_loss = -disc(gen(noise())).mean()
    g_loss.backward()
    # error: OOM202 "opt_g.step()"
    opt_g.zero_grad()
    opt_g.step()

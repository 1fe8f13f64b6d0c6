import torch

for real in loader:
    opt_d.zero_grad()
    d_loss = disc(real).mean() - disc(gen(noise()).detach()).mean()
    d_loss.backward()
    opt_d.step()
    opt_g.zero_grad()
    g_loss = -disc(gen(noise())).mean()
    g_loss.backward()
    opt_g.step()
    # error: OOM504
    torch.cuda.empty_cache()

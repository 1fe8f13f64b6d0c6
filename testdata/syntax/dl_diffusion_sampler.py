@torch.no_grad()
def sample(model, shape, timesteps, betas, device="cuda"):
    alphas = 1.0 - betas
    alphas_cumprod = torch.cumprod(alphas, dim=0)
    x = torch.randn(shape, device=device)
    for t in reversed(range(timesteps)):
        tt = torch.full((shape[0],), t, device=device, dtype=torch.long)
        eps = model(x, tt)
        coef = betas[t] / (1 - alphas_cumprod[t]).sqrt()
        mean = (x - coef * eps) / alphas[t].sqrt()
        x = mean + (betas[t].sqrt() * torch.randn_like(x) if t > 0 else 0)
    return x.clamp(-1, 1)

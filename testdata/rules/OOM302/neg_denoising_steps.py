import torch


@torch.no_grad()
def sample(unet, scheduler, latents, device):
    intermediates = []
    for t in scheduler.timesteps:
        noise_pred = unet(latents, t).sample
        latents = scheduler.step(noise_pred, t, latents).prev_sample
        intermediates.append(noise_pred)
    return latents, intermediates

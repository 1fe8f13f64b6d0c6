import torch


def guided_denoise(unet, scheduler, latents, timesteps, guidance_lr, guidance_loss):
    for t in timesteps:
        x_in = latents.detach().clone()
        x_in.requires_grad = True
        opt = torch.optim.SGD([x_in], lr=guidance_lr)
        with torch.enable_grad():
            guidance_loss(unet(x_in, t).sample).backward()
            opt.step()
        latents = scheduler.step(unet(x_in.detach(), t).sample, t, latents).prev_sample
    return latents

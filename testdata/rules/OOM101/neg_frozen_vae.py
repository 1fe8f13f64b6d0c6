import torch
import torch.nn.functional as F
from diffusers import AutoencoderKL, UNet2DConditionModel


def main(train_dataloader, noise_scheduler):
    vae = AutoencoderKL.from_pretrained("runwayml/stable-diffusion-v1-5", subfolder="vae")
    unet = UNet2DConditionModel.from_pretrained("runwayml/stable-diffusion-v1-5", subfolder="unet")
    vae.requires_grad_(False)
    optimizer = torch.optim.AdamW(unet.parameters(), lr=1e-4)
    cached_latents = []
    for batch in train_dataloader:
        latents = vae.encode(batch["pixel_values"]).latent_dist.sample()
        cached_latents.append(latents)
        noise = torch.randn_like(latents)
        timesteps = torch.randint(0, 1000, (latents.shape[0],))
        noisy = noise_scheduler.add_noise(latents, noise, timesteps)
        pred = unet(noisy, timesteps, batch["encoder_hidden_states"]).sample
        loss = F.mse_loss(pred.float(), noise.float())
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()

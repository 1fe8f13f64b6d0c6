# Freezing the VAE does not make the UNet's training head-only: the UNet trains whole, in float32.
import torch
from diffusers import AutoencoderKL, UNet2DConditionModel

device = torch.device("cuda")
vae = AutoencoderKL.from_pretrained("stabilityai/sd-vae-ft-mse").to(device)
unet = UNet2DConditionModel.from_pretrained("runwayml/stable-diffusion-v1-5", subfolder="unet").to(device)
for p in vae.parameters():
    p.requires_grad = False
optimizer = torch.optim.AdamW(unet.parameters(), lr=1e-5)

# error: OOM601
for batch in train_loader:
    latents = vae.encode(batch["pixel_values"].to(device)).latent_dist.sample()
    loss = diffusion_loss(unet, latents, batch)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

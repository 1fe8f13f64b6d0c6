import torch


def main(vae, unet, train_dataloader, optimizer, device):
    latents_cache = []
    for batch in train_dataloader:
        with torch.no_grad():
            pixels = batch["pixel_values"].to(device)
            latents_cache.append(vae.encode(pixels).latent_dist)
    for latents in latents_cache:
        loss = unet(latents.sample()).sample.mean()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()

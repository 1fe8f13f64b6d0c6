import torch


class Pipeline:
    @torch.no_grad()
    def decode(self, latents):
        frames = []
        for i in range(0, latents.shape[0], 4):
            frame = self.vae.decode(latents[i : i + 4]).sample
            frames.append(frame)
        return torch.cat(frames).to("cuda")

import torch
from torch import nn


class CausalVideoVAE(nn.Module):
    def __init__(self, encoder, decoder, frames_per_batch):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder
        self.frames_per_batch = frames_per_batch

    def decode(self, z):
        conv_cache = None
        frames = []
        for i in range(0, z.shape[2], self.frames_per_batch):
            chunk, conv_cache = self.decoder(z[:, :, i:i + self.frames_per_batch], conv_cache=conv_cache)
            frames.append(chunk)
        return torch.cat(frames, dim=2)


vae = CausalVideoVAE(nn.Identity(), nn.Identity(), 6).cuda()

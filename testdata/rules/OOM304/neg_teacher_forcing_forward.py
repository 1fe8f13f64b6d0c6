import random
import torch
from torch import nn


class Seq2Seq(nn.Module):
    def __init__(self, encoder, decoder, device):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder
        self.device = device

    def forward(self, src, trg, teacher_forcing_ratio=0.5):
        outputs = torch.zeros(trg.shape[0], trg.shape[1], self.decoder.output_dim).to(self.device)
        hidden, cell = self.encoder(src)
        inp = trg[0, :]
        for t in range(1, trg.shape[0]):
            output, hidden, cell = self.decoder(inp, hidden, cell)
            outputs[t] = output
            inp = trg[t] if random.random() < teacher_forcing_ratio else output.argmax(1)
        return outputs

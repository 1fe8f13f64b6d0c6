import torch
from torch import nn


class Decoder(nn.Module):
    def __init__(self, vocab, dim):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.rnn = nn.GRU(dim, dim, batch_first=True)
        self.head = nn.Linear(dim, vocab)

    def forward(self, x, h=None):
        out, h = self.rnn(self.embed(x), h)
        return self.head(out), h

    def generate(self, start, steps):
        tok, h = start, None
        result = []
        for _ in range(steps):
            # error: OOM304 "takes back `h`"
            out, h = self.rnn(self.embed(tok), h)
            tok = self.head(out[:, -1:]).argmax(-1)
            result.append(tok)
        return torch.cat(result, dim=1)


model = Decoder(1000, 256).cuda()

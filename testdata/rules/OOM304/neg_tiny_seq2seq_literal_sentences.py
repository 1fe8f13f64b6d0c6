# A seq2seq lesson: hidden size 16, a handful of literal sentence pairs. The decoder loop's graph grows
# by a few kilobytes a step; no GPU memory is at stake.
import torch
import torch.nn as nn

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
raw = ["I feel hungry.\tJ'ai faim.", "Pytorch is very easy.\tPytorch est très facile.",
       "Pytorch is a framework for deep learning.\tPytorch est un cadre pour l'apprentissage profond."]
SOS_token, EOS_token = 0, 1


class Decoder(nn.Module):
    def __init__(self, hidden_size, output_size):
        super().__init__()
        self.embedding = nn.Embedding(output_size, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size)
        self.out = nn.Linear(hidden_size, output_size)

    def forward(self, x, hidden):
        x, hidden = self.gru(self.embedding(x).view(1, 1, -1), hidden)
        return self.out(x[0]), hidden


def translate(decoder, length=20):
    hidden = torch.zeros(1, 1, 16).to(device)
    token = torch.tensor([[SOS_token]]).to(device)
    words = []
    for _ in range(length):
        out, hidden = decoder(token, hidden)
        token = out.argmax(-1).view(1, 1)
        words.append(token.item())
    return words


target_vocab = build_vocab(raw)
decoder = Decoder(16, target_vocab.n_words).to(device)
print(translate(decoder))

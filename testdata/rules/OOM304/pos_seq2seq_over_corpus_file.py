# The same decoder, but the sentences come from a corpus file: the code no longer shows a toy workload
# (the vocabulary, the output layer and how long the loop runs depend on the data), so it is reported.
import torch
import torch.nn as nn

device = torch.device("cuda")
lines = open("data/eng-fra.txt", encoding="utf-8").read().strip().split("\n")


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
    token = torch.tensor([[0]]).to(device)
    words = []
    for _ in range(length):
        # error: OOM304 "takes back `hidden`"
        out, hidden = decoder(token, hidden)
        token = out.argmax(-1).view(1, 1)
        words.append(token.item())
    return words


decoder = Decoder(16, count_words(lines)).to(device)
print(translate(decoder))

import torch


class Seq2SeqTrainer:
    def __init__(self, encoder, decoder):
        self.encoder = encoder
        self.decoder = decoder
        self.optimizer = torch.optim.Adam(list(encoder.parameters()) + list(decoder.parameters()))

    def train(self, pairs, criterion):
        opt = self.optimizer
        for src, tgt in pairs:
            opt.zero_grad()
            loss = criterion(self.decoder(self.encoder(src)), tgt)
            loss.backward()
            self.optimizer.step()

    def train_models_reset(self, pairs, criterion):
        for src, tgt in pairs:
            self.encoder.zero_grad()
            self.decoder.zero_grad()
            criterion(self.decoder(self.encoder(src)), tgt).backward()
            self.optimizer.step()

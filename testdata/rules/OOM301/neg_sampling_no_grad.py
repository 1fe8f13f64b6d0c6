# Sampling functions of a training script that disable grad themselves, or only sample data.
import torch


class Trainer:
    def __init__(self, model, optimizer, buffer):
        self.model = model.cuda()
        self.optimizer = optimizer
        self.buffer = buffer

    def step(self):
        batch = self.sample_batch()
        self.model(batch.cuda()).mean().backward()
        self.optimizer.step()
        self.optimizer.zero_grad()

    def sample_batch(self):
        return self.buffer.sample(32)

    @torch.no_grad()
    def sample(self, n):
        return self.model(torch.randn(n, 128, device="cuda"))

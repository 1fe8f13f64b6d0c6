import torch
import torch.nn.functional as F


class Trainer:
    def __init__(self, model, lr):
        self.model = model
        self.optim = torch.optim.RMSprop(model.parameters(), lr=lr)

    def run(self, loader, epochs):
        for _ in range(epochs):
            # error: OOM201 "`self.optim.step()`"
            for x, y in loader:
                loss = F.l1_loss(self.model(x), y)
                loss.backward()
                self.optim.step()

import torch
from torch import nn, optim
torch.cuda.set_device(0)


class Trainer:
    def __init__(self, model: nn.Module, lr: float = 1e-3):
        self.model = model
        self.optimizer = optim.Adam(model.parameters(), lr=lr)
        self.criterion = nn.MSELoss()
        self.history = []

    def fit(self, loader, epochs):
        for epoch in range(epochs):
            for x, y in loader:
                pred = self.model(x)
                loss = self.criterion(pred, y)
                self.optimizer.zero_grad()
                loss.backward()
                self.optimizer.step()
                # error: OOM101 "stored in `self.history`"
                self.history.append(loss)

import torch


class Trainer:
    def __init__(self, model):
        self.model = model
        self.optimizer = torch.optim.Adam(model.parameters())

    def fit(self, loader):
        for x, y in loader:
            self.optimizer.zero_grad()
            loss = self.model(x, y)
            loss.backward()
            # error: OOM202
            self.optimizer.step()

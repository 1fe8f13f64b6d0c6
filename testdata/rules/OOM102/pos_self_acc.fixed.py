import torch
torch.cuda.set_device(0)


class Trainer:
    def __init__(self, model, optimizer, criterion):
        self.model = model
        self.optimizer = optimizer
        self.criterion = criterion
        self.total_loss = 0.0

    def train_epoch(self, loader):
        for x, y in loader:
            self.optimizer.zero_grad()
            loss = self.criterion(self.model(x), y)
            loss.backward()
            self.optimizer.step()
            # error: OOM102 "`self.total_loss` lives across training iterations"
            self.total_loss += loss.detach()

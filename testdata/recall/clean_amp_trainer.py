import torch
import torch.nn.functional as F
from torch.cuda.amp import GradScaler, autocast


class Trainer:
    def __init__(self, model, train_loader, val_loader, lr=1e-3):
        self.model = model
        self.train_loader = train_loader
        self.val_loader = val_loader
        self.optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
        self.scaler = GradScaler()
        self.history = []

    def train_epoch(self):
        self.model.train()
        epoch_loss = 0.0
        for x, y in self.train_loader:
            self.optimizer.zero_grad(set_to_none=True)
            with autocast():
                loss = F.cross_entropy(self.model(x), y)
            self.scaler.scale(loss).backward()
            self.scaler.step(self.optimizer)
            self.scaler.update()
            epoch_loss += loss.item()
            self.history.append(loss.item())
        return epoch_loss / len(self.train_loader)

    @torch.no_grad()
    def validate(self):
        self.model.eval()
        correct = 0
        for x, y in self.val_loader:
            correct += (self.model(x).argmax(1) == y).sum().item()
        return correct / len(self.val_loader.dataset)

    def fit(self, epochs):
        for _ in range(epochs):
            self.train_epoch()
            self.validate()

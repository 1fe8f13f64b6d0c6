import torch


class Trainer:
    def __init__(self, model):
        self.model = model
        self.optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)

    def fit(self, loader):
        for batch in loader:
            self.optimizer.zero_grad()
            loss = self.model(batch).mean()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
            # error: OOM202
            self.optimizer.step()

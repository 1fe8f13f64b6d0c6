import torch
import torch.nn.functional as F


class Trainer:
    def __init__(self, model, optimizer):
        self.model = model.to("cuda")
        self.optimizer = optimizer

    def train_step(self, batch):
        self.optimizer.zero_grad()
        loss = F.cross_entropy(self.model(batch["x"]), batch["y"])
        loss.backward()
        self.optimizer.step()
        return loss.item()

    def eval_step(self, batch):
        # error: OOM301 "in `eval_step`, an evaluation function"
        logits = self.model(batch["x"])
        return (logits.argmax(-1) == batch["y"]).float().mean().item()

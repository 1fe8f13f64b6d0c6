# A validation-step closure kept in an attribute runs only where that attribute is read: in the
# `if validation:` branch of a method that every caller asking for validation runs under no_grad.
import numpy as np
import torch


class Trainer:
    def __init__(self, model, loss_fn, optimizer):
        self.model = model.to("cuda")
        self.loss_fn = loss_fn
        self.optimizer = optimizer
        self.train_step_fn = self._make_train_step_fn()
        self.val_step_fn = self._make_val_step_fn()

    def _make_train_step_fn(self):
        def perform_train_step_fn(x, y):
            self.model.train()
            loss = self.loss_fn(self.model(x), y)
            loss.backward()
            self.optimizer.step()
            self.optimizer.zero_grad()
            return loss.item()

        return perform_train_step_fn

    def _make_val_step_fn(self):
        def perform_val_step_fn(x, y):
            self.model.eval()
            return self.loss_fn(self.model(x), y).item()

        return perform_val_step_fn

    def _mini_batch(self, loader, validation=False):
        if validation:
            step_fn = self.val_step_fn
        else:
            step_fn = self.train_step_fn
        return np.mean([step_fn(x.to("cuda"), y.to("cuda")) for x, y in loader])

    def train(self, train_loader, val_loader, epochs):
        for _ in range(epochs):
            self._mini_batch(train_loader, validation=False)
            with torch.no_grad():
                self._mini_batch(val_loader, validation=True)

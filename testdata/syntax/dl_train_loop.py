import torch
import torch.nn as nn
from torch.utils.data import DataLoader


def train(model: nn.Module, loader: DataLoader, epochs: int = 10, device: str = "cuda") -> float:
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=0.01)
    criterion = nn.CrossEntropyLoss()
    model.to(device)
    total_loss = 0.0
    for epoch in range(epochs):
        model.train()
        for step, (inputs, targets) in enumerate(loader):
            inputs, targets = inputs.to(device, non_blocking=True), targets.to(device)
            optimizer.zero_grad(set_to_none=True)
            logits = model(inputs)
            loss = criterion(logits, targets)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
            optimizer.step()
            total_loss += loss.item()
            if step % 100 == 0:
                print(f"epoch {epoch} step {step}: loss={loss.item():.4f}")
    return total_loss / max(1, len(loader) * epochs)

"""A small PyTorch training script with the GPU-memory mistakes oomlint looks for.

Each marked line keeps GPU memory alive longer than needed; the real rules flag them.
"""
import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
model = nn.Sequential(nn.Linear(128, 256), nn.ReLU(), nn.Linear(256, 10)).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.CrossEntropyLoss()


def batches(n):
    for _ in range(n):
        x = torch.randn(64, 128, device=device)
        y = torch.randint(0, 10, (64,), device=device)
        yield x, y


def train(steps):
    history = []
    running = 0
    for x, y in batches(steps):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        history.append(loss)  # keeps every step's autograd graph alive: use loss.item()
        running += loss  # the running sum is a tensor that chains every graph together
    return history, running


def evaluate(n):
    correct = 0
    for x, y in batches(n):  # no torch.no_grad(): activations are kept for a backward that never comes
        out = model(x)
        correct += (out.argmax(dim=1) == y).sum()
    return correct


if __name__ == "__main__":
    losses, total = train(100)
    print(f"mean loss {total / len(losses):.3f}, eval correct {evaluate(10)}")

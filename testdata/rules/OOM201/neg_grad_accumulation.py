import torch


def train(model, loader, criterion, accumulation_steps=4):
    optimizer = torch.optim.AdamW(model.parameters(), lr=5e-5)
    model.zero_grad()
    for i, (x, y) in enumerate(loader):
        loss = criterion(model(x), y) / accumulation_steps
        loss.backward()
        if (i + 1) % accumulation_steps == 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            model.zero_grad()

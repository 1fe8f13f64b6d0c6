import torch


def compute_loss(model, batch):
    logits = model(batch["x"].cuda())
    return torch.nn.functional.cross_entropy(logits, batch["y"].cuda())


def train(model, loader, optimizer, accum):
    buffer = []
    for batch in loader:
        buffer.append(batch)
        if len(buffer) == accum:
            loss = 0
            for b in buffer:
                # error: OOM104
                loss += compute_loss(model, b)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            buffer = []

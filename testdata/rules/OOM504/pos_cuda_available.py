import torch


def train(model, loader, optimizer):
    for batch in loader:
        loss = model(**batch).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        if torch.cuda.is_available():
            # error: OOM504
            torch.cuda.empty_cache()

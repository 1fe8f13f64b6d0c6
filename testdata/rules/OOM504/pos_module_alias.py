import torch
import torch.cuda as tc


def train(model, loader, optimizer):
    for step, batch in enumerate(loader):
        # error: OOM504
        tc.empty_cache()
        optimizer.zero_grad()
        model(batch).sum().backward()
        optimizer.step()

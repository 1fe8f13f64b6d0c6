import torch
import torch.cuda as tc


def train(model, loader, optimizer):
    for step, batch in enumerate(loader):
        tc.empty_cache()  # error: 9 [OOM504]
        optimizer.zero_grad()
        model(batch).sum().backward()
        optimizer.step()

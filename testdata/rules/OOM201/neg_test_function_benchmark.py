import time

import torch


def test_attention_speed(layer, args):
    # a test times one layer on fake data: nothing is trained, and the gradients are a few MB
    optimizer = torch.optim.Adam(layer.parameters(), 1e-4)
    hidden = torch.ones(4, 96, 256).to(args.device)
    start = time.time()
    for i in range(1000):
        loss = layer(hidden).pow(2).mean()
        loss.backward()
        optimizer.step()
    return time.time() - start

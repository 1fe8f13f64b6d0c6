import torch


def train(model, data_iter, optimizer, max_steps):
    step = 0
    while step < max_steps:
        x, y = next(data_iter)
        loss = torch.nn.functional.mse_loss(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        # error: OOM504
        torch.cuda.memory.empty_cache()
        step += 1

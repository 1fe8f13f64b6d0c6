import torch


def meta_train(model, tasks, meta_batch_size, loss_fn):
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    # error: OOM201
    for iteration in range(1000):
        for task in tasks:
            loss_fn(model(task.x), task.y).backward()
        # averaging the gradients is not a reset
        for p in model.parameters():
            p.grad.data.mul_(1.0 / meta_batch_size)
        optimizer.step()

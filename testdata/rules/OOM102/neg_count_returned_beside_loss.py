import torch


def train_step(task, model, batch, optimizer, device):
    loss = task.loss(model, batch, device)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss, {"loss": loss.item()}, task.batch_size(batch)


def train_epoch(task, model, loader, optimizer, device, world_size):
    model.to(device)
    num_samples = 0
    for batch in loader:
        losses, report, step_batch_size = train_step(task, model, batch, optimizer, device)
        # a count returned beside the loss is a number
        num_samples += step_batch_size * world_size
    return num_samples

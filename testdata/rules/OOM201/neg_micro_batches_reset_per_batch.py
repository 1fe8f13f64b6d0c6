# Gradient accumulation over the micro-batches of one batch: the outer loop resets the gradients once
# per batch, the inner loop backpropagates each micro-batch and steps only after the last one.
import torch


def train(model, optimizer, scheduler, train_loader, micro, accumulate_steps, epochs):
    model.cuda()
    for epoch in range(epochs):
        for it, batch in enumerate(train_loader):
            model.zero_grad()
            input_ids = batch["input_ids"].cuda()
            labels = batch["labels"].cuda()
            for ex_idx in range(0, input_ids.size(0), micro):
                if ex_idx + micro < input_ids.size(0):
                    loss = model(input_ids[ex_idx:ex_idx + micro], labels=labels[ex_idx:ex_idx + micro]).loss
                    (loss / accumulate_steps).backward()
                else:
                    loss = model(input_ids[ex_idx:], labels=labels[ex_idx:]).loss
                    (loss / accumulate_steps).backward()
                    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                    optimizer.step()
                    scheduler.step()


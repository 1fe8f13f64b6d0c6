# zero_grad at the top of the iteration, before the forward: the backward-to-reset path only wraps
# around the loop through `continue` or an inner loop over no batches, where no backward ran.
import torch


def train_epoch(model, batch_groups, optimizer, scaler, device):
    model.to(device)
    for batch_group in batch_groups:
        optimizer.zero_grad()
        outputs = []
        for batch in batch_group:
            if batch is None:
                break
            loss = model(batch.to(device)).sum()
            outputs.append(loss.item())
            loss.backward()
        if len(outputs) <= 0:
            continue
        if scaler is not None:
            scaler.step(optimizer)
        else:
            optimizer.step()

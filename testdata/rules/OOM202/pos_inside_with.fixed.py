import torch


def train(model, loader, optimizer, accelerator):
    for batch in loader:
        optimizer.zero_grad()
        with accelerator.accumulate(model):
            loss = model(**batch).loss
            accelerator.backward(loss)
            # error: OOM202
            optimizer.step()

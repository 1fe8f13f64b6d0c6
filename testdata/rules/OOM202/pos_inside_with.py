import torch


def train(model, loader, optimizer, accelerator):
    for batch in loader:
        with accelerator.accumulate(model):
            loss = model(**batch).loss
            accelerator.backward(loss)
            # error: OOM202
            optimizer.zero_grad()
            optimizer.step()

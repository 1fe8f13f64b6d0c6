import torch


def train(model, loader, optimizer, accelerator):
    for batch in loader:
        optimizer.zero_grad()  # error: 13 [OOM202]
        with accelerator.accumulate(model):
            loss = model(**batch).loss
            accelerator.backward(loss)
            optimizer.step()

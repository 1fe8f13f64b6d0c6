import torch


def train(model, loader, optimizer, weights):
    model.to("cuda")
    for batch in loader:
        batch = {k: v.to("cuda") for k, v in batch.items()}
        optimizer.zero_grad()
        loss_dict = model(batch)
        total = 0
        for name, value in loss_dict.items():
            total = total + weights[name] * value
        total.backward()
        optimizer.step()

import torch

device = torch.device("cuda")


def train(batch, model, optimizer):
    optimizer.zero_grad()
    losses = []
    for chunk in batch.chunks():
        losses.append(model(chunk.to(device)).loss)  # tensors, not numbers
    total = sum(losses) / len(losses)
    total.backward()
    optimizer.step()
    return sum(losses) / len(losses)


running = 0
for batch in loader:
    loss = train(batch, model, optimizer)
    # error: OOM102
    running += loss

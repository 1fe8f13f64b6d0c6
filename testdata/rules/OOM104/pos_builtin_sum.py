import torch
import torch.nn.functional as F

device = torch.device("cuda")


def step(model, optimizer, inputs, targets, accumulation_steps):
    optimizer.zero_grad()
    losses = []
    for x, y in zip(inputs.chunk(accumulation_steps), targets.chunk(accumulation_steps)):
        logits = model(x.to(device))
        # error: OOM104 "call `(F.cross_entropy(logits, y.to(device)) / n).backward()` on each pass"
        losses.append(F.cross_entropy(logits, y.to(device)))
    loss = sum(losses) / accumulation_steps
    loss.backward()
    optimizer.step()

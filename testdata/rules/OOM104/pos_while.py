import torch


def train(model, data_iter, optimizer, criterion, accum_steps, steps):
    model = model.to("cuda")
    for _ in range(steps):
        optimizer.zero_grad()
        acc = 0
        n = 0
        while n < accum_steps:
            x, y = next(data_iter)
            logits = model(x.to("cuda"))
            loss = criterion(logits, y.to("cuda"))
            # error: OOM104
            acc = acc + loss
            n += 1
        loss = acc / accum_steps
        loss.backward()
        optimizer.step()

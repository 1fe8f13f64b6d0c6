import torch


@torch.no_grad()
def sample(model, x, hidden, steps):
    model.cuda()
    out = []
    for _ in range(steps):
        logits, hidden = model(x.cuda(), hidden)
        x = logits.argmax(-1)
        out.append(x)
    return out

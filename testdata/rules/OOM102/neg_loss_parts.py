import torch.nn.functional as F


def train(model, loader, optimizer, weights):
    for batch in loader:
        outputs = model(batch["x"])
        loss = 0
        for head, w in weights.items():
            loss += w * F.cross_entropy(outputs[head], batch[head])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

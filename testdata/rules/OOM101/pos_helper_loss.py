import torch.nn.functional as F
import torch
torch.cuda.set_device(0)


def compute_loss(model, batch):
    logits = model(batch["input"])
    return F.cross_entropy(logits, batch["label"])


def train(model, loader, optimizer):
    step_losses = []
    for batch in loader:
        l = compute_loss(model, batch)
        optimizer.zero_grad()
        l.backward()
        optimizer.step()
        # error: OOM101 "`l` is stored in `step_losses`"
        step_losses.append(l)
    return step_losses

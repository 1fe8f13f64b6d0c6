import torch.nn.functional as F
import torch
torch.cuda.set_device(0)


def masked_lm_loss(model, batch):
    logits = model(batch["input_ids"])
    return F.cross_entropy(logits.view(-1, logits.size(-1)), batch["labels"].view(-1), ignore_index=-100)


def train(model, loader, optimizer):
    cumulative = 0.0
    for batch in loader:
        loss = masked_lm_loss(model, batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        # error: OOM102
        cumulative += loss
    print(cumulative)

# The reset sits in the epoch loop, the conditional step in the loop over the whole data: gradients add
# up across every step of an epoch. (Unlike micro-batches of one batch, see
# neg_micro_batches_reset_per_batch.py.)
import torch


def train(model, optimizer, loader, accumulation_steps, epochs):
    model.cuda()
    for epoch in range(epochs):
        optimizer.zero_grad()
        # error: OOM201 "never resets gradients"
        for step, (x, y) in enumerate(loader):
            loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
            loss.backward()
            if step % accumulation_steps == 0:
                optimizer.step()


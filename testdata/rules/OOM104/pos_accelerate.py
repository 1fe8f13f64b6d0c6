import torch
from accelerate import Accelerator

accelerator = Accelerator()


def train(model, optimizer, dataloader, micro_batches):
    model, optimizer, dataloader = accelerator.prepare(model, optimizer, dataloader)
    for batch in dataloader:
        losses = []
        for micro in torch.split(batch["input_ids"], micro_batches):
            out = model(input_ids=micro, labels=micro)
            # error: OOM104
            losses.append(out.loss)
        loss = torch.stack(losses).mean()
        accelerator.backward(loss)
        optimizer.step()
        optimizer.zero_grad()

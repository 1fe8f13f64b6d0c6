# Accelerate's gradient accumulation: the loss total is reset whenever the accumulation window closes
# (`if accelerator.sync_gradients:`, the iteration whose step ran), so it holds one window's
# micro-batches, not the run's.
import torch
from accelerate import Accelerator

accelerator = Accelerator(gradient_accumulation_steps=4)
model, optimizer, trainloader = accelerator.prepare(model, optimizer, trainloader)
accumulated_loss = 0
model.train()
for images, targets in trainloader:
    with accelerator.accumulate(model):
        pred = model(images)
        loss = loss_fn(pred, targets)
        accumulated_loss += loss / 4
        accelerator.backward(loss)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
    if accelerator.sync_gradients:
        loss_gathered = accelerator.gather_for_metrics(accumulated_loss)
        train_loss.append(torch.mean(loss_gathered).item())
        accumulated_loss = 0

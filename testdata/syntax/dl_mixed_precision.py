import torch
from torch.cuda.amp import autocast, GradScaler

scaler = GradScaler(enabled=torch.cuda.is_available())


def step(model, batch, optimizer):
    with autocast(dtype=torch.float16):
        output = model(**batch)
        loss = output.loss / 4
    scaler.scale(loss).backward()
    scaler.unscale_(optimizer)
    scaler.step(optimizer)
    scaler.update()
    with torch.autocast(device_type="cuda", dtype=torch.bfloat16), torch.no_grad():
        preds = model.generate(batch["input_ids"], max_new_tokens=32)
    return loss.detach(), preds

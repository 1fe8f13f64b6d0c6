import torch

scaler = torch.amp.GradScaler("cuda")


def train(model, loader, optimizer, criterion, accum):
    model.cuda()
    it = iter(loader)
    for step in range(1000):
        optimizer.zero_grad(set_to_none=True)
        total = 0
        for _ in range(accum):
            x, y = next(it)
            with torch.autocast("cuda", dtype=torch.bfloat16):
                loss = criterion(model(x.cuda()), y.cuda())
            # error: OOM104
            total += loss / accum
        scaler.scale(total).backward()
        scaler.step(optimizer)
        scaler.update()

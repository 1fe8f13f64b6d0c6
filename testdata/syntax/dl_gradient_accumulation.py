accum = 8
optimizer.zero_grad()
for i, batch in enumerate(loader, start=1):
    with model.no_sync() if i % accum else contextlib.nullcontext():
        loss = model(**batch).loss / accum
        loss.backward()
    if i % accum == 0:
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        ema = 0.99 * ema + 0.01 * loss.item() if ema is not None else loss.item()

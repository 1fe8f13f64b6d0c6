it = iter(loader)
while (batch := next(it, None)) is not None:
    if (n := batch.size(0)) < 2:
        continue
    process(batch, n)

if any((bad := x) < 0 for x in values):
    print(bad)

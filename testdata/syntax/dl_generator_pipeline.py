def read_lines(path):
    with open(path) as fh:
        yield from fh


def batched(iterable, n):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch


def pipeline(path, n=32):
    lines = (line.strip() for line in read_lines(path) if line.strip())
    tokens = map(str.split, lines)
    yield from batched(tokens, n)

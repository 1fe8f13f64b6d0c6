def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield x
    z = yield from other()
    yield from range(3)
    w = (yield)
    v = [(yield)]
    await_ = (yield x) + 1
    return (yield from inner())

async def f():
    await x
    a = await x + 1
    b = -await x
    c = await x ** 2
    d = await (await x)
    e = await x.y
    g = await x[0]
    h = await x()
    i = [await x, await y]
    return not await z

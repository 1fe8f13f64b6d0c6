async def f():
    a = [x async for x in agen()]
    b = {x async for x in agen() if x}
    c = {k: v async for k, v in pairs()}
    d = (x async for x in agen())
    e = [await x for x in coros]
    g = [x for y in ys async for x in y]
    return [x async for x in agen() async for y in x]

async def f():
    async with (a as b, c as d):
        pass
    async with (
        open_a() as a,
        open_b() as b,
    ):
        pass
    async for x in y:
        pass
    else:
        pass

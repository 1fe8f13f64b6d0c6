-2 ** 2
2 ** -1
a ** b ** c
(a ** b) ** c
x = 2 ** 10
y = base ** exp % mod


async def f():
    return await x ** 2

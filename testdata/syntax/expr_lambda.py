f = lambda: 0
g = lambda x: x + 1
h = lambda x, y=2: x * y
k = lambda *args, **kwargs: (args, kwargs)
m = lambda a, /, b, *, c: a + b + c
n = lambda *, key=None: key
p = lambda x: lambda y: x + y
q = lambda a=1, *b, c, d=2, **e: 0
sorted(items, key=lambda kv: kv[1], reverse=True)
r = lambda: (yield)

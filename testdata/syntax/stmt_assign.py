x = 1
a = b = c = 0
x, y = y, x
(p, q) = [r, s] = 1, 2
[first, *rest] = range(10)
*init, last = "abc"
obj.attr = value
obj.a.b.c = 3
items[0] = items[-1]
grid[i][j] = 0.0
d["key"] = {"nested": [1, 2]}
a, (b, c), *d = f()
x = y = z.w = t[0] = None

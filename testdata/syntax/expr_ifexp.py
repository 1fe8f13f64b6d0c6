x = a if cond else b
y = a if c1 else b if c2 else c
z = (a if c else b) + 1
w = [i if i > 0 else -i for i in xs]
v = lambda: 1 if a else 2

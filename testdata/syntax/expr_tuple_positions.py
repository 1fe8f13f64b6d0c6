x = 1, 2
x = (1, 2)
for a, b in pairs:
    pass
return_value = a, b,
t = a,
u = (a,)
v = a, (b, c)
f(a)[1, 2]
del a, b
w = yield_ if 0 else (1, 2)

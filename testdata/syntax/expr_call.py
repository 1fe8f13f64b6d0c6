f()
f(a)
f(a, b)
f(a, key=1)
f(*args)
f(**kwargs)
f(*args, **kwargs)
f(a, *b, c, *d, e=1, **g, h=2)
f(a)(b)(c)
f(
    a,
    b,
)
f(x=1, **{"y": 2}, z=3)
obj.method(1).other(key=value)
print("a", "b", sep="", end="\n")
f(*a, *b, **c, **d)

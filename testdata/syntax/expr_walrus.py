if (n := len(items)) > 10:
    print(n)

while (chunk := f.read(1024)):
    pass

values = [y for x in data if (y := f(x)) is not None]
print(total := 5)
foo(x := 3, cat="vector")
z = (w := 10)
[last := i for i in range(3)]
{(k := key): v for key, v in pairs}
a[(b := 1)]

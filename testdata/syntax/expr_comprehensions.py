[x for x in xs]
[x for x in xs if x]
[x for x in xs if x if not y]
[(x, y) for x in xs for y in ys]
[x for xs in xss for x in xs if x > 0]
{x for x in xs}
{k: v for k, v in items}
{k: v for k in ks if k for v in vs}
(x for x in xs)
[[y for y in row] for row in matrix]
[x for x, in pairs]
[x for (a, b) in pairs for x in (a, b)]
[lambda: i for i in range(3)]
[i for i in range(10) if i % 2 == 0 if i % 3 == 0]

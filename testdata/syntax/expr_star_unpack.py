[*a, *b]
(*a, *b)
{*a, *b}
{**a, "x": 1, **b}
print(*a)
a, *b = c
*a, = b
[*a] = b
first, *middle, last = seq
x = *a, *b
{**{}}

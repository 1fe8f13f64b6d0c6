a < b
a <= b
a > b
a >= b
a == b
a != b
a is b
a is not b
a in b
a not in b
a < b < c
0 <= i < n == m
x is not None and y not in z
(a < b) == (c > d)

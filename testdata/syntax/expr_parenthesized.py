(a)
((a))
(a + b)
((a + b) * c)
(a).b
(a)[0]
(a)(b)
(yield_)
x = (1)
y = ((1, 2))
z = ((((a))))
(a, b) = (c, d)
(a.b).c
[(a)]
f((a), (b))
("string")
((lambda: 0))

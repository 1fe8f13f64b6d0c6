a and b
a or b
a and b and c
a or b or c
a and b or c and d
a or (b or c)
(a and b) and c
not a and not b
x = a or b and not c

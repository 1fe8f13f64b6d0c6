a + b * c
(a + b) * c
a - b - c
a - (b - c)
a / b // c % d
a << b >> c
a & b | c ^ d
a | b & c
a + b << c
-a * b
a * -b
a ** -b
x = 1 + 2 * 3 - 4 / 5 % 6 // 7
y = (1 + 2) * (3 - 4)
z = a @ b @ c
w = ~a & ~b

1j
1.5j
1e3j
0j
1_0j
1e400j
10J
.5j
3.14J
1e16j
1e15j
x = 1 + 2j
y = 1.5 - 0.5j

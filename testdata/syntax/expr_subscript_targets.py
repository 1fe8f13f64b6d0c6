a[1:2] = b
a[...] = 1
a[::2] = [0] * 5
a[i, j] = v
a[i][j:k] += 1
del a[::2], b[0]
x[:, None] = y

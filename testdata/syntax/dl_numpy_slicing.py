import numpy as np

x = np.zeros((8, 3, 32, 32))
a = x[:, None, ..., ::-1]
b = x[0, :, 1:-1, ::2]
c = x[mask]
d = x[x > 0.5]
e = x[..., np.newaxis]
f = x[[0, 2, 4], :, 0]
g = x[:, :, idx[:, None], idx[None, :]]
x[x < 0] = 0
x[:, 0] += 1.0
h = x.reshape(-1, 3 * 32 * 32)[:16].T

y = W @ x + b
z = a @ (b @ c)
m @= n
out = x @ w.T

d = {(k := 1): 2}
e = {(c := a): (a := b) + (b := a + c) - b for __ in range(6)}
s = a[(b := 1):2]
t = a[(b := 1), 2]
u = a[1:(c := 2)]
v = {"x": (y := 3)}

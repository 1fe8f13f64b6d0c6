a.b
a.b.c.d
a[0]
a[0][1]
a.b[c].d
a[b.c]
a().b
a[1]().c[2]
x.y = z[0].w
self.layers[-1].weight.data

del x
del x, y
del (a), [b]
del obj.attr, items[0]
del d["k"][1:3]
del (a, b), [c, d]
del model, optimizer

with open("f") as fh:
    data = fh.read()

with a, b:
    pass

with a as x, b as y, c:
    pass

with lock:
    counter += 1

with open("f") as (a, b):
    pass

with ctx() as obj.attr, other() as items[0]:
    pass

with a as [x, y]:
    pass

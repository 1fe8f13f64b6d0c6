for i in range(3):
    print(i)
else:
    print("done")

for k, v in d.items():
    pass

for (a, b), c in pairs:
    pass

for x, in singles:
    pass

for obj.attr in values:
    pass

for item[0] in values:
    pass

for i, *rest in rows:
    pass

for x in *a, *b:
    pass

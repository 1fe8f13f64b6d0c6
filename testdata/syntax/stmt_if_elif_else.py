if a:
    x = 1
elif b:
    x = 2
elif c:
    x = 3
else:
    x = 4

if not ready:
    pass

if a:
    pass
else:
    if b:
        pass

if x > 0:
    y = 1
elif x < 0:
    y = -1

for i in range(10):
    if i % 2:
        continue
    if i > 7:
        break
    pass
while True:
    break
else:
    pass

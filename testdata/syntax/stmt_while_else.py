n = 10
while n > 0:
    n -= 1
    if n == 5:
        continue
else:
    done = True

while (line := read()) != "":
    process(line)

while 1: break

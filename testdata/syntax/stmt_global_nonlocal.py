counter = 0


def bump():
    global counter
    counter += 1


def outer():
    a = b = 0

    def inner():
        nonlocal a, b
        a += 1
        b -= 1

    global x, y, z
    return inner

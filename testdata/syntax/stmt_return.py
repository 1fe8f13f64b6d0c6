def f():
    return


def g():
    return 1


def h():
    return 1, 2


def k():
    return (yield)


def m(x):
    return x if x else None


def n():
    return *a, *b

def f():
    raise


def g():
    raise ValueError("bad")


def h():
    raise RuntimeError("x") from err


def k():
    raise KeyError from None


def m():
    raise (TypeError)

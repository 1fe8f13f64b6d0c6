def nothing():
    pass


def one(a):
    return a


def defaults(a, b=1, c="x"):
    return a


def annotated(a: int, b: str = "") -> bool:
    return True


def doc():
    """Docstring."""


def body_on_line(): return 42


def returns_none() -> None: ...

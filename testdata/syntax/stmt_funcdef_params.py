def f(a, b, /, c, d=1, *args, e, f=2, g, **kwargs):
    pass


def posonly(a, b=2, /):
    pass


def kwonly(*, a, b=1):
    pass


def varargs(*args: int, **kw: str) -> None:
    pass


def mixed(a, /, b, *, c):
    pass


def trailing(
    a,
    b,
):
    pass


def star_trailing(*args,):
    pass


def kw_trailing(**kw,):
    pass


def defaults_all(a=1, /, b=2, *, c=3, d, e=5):
    pass

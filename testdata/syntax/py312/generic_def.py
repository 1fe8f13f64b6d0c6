def first[T](xs: list[T]) -> T:
    return xs[0]


def bounded[T: int](x: T) -> T:
    return x


def constrained[S: (str, bytes)](s: S) -> S:
    return s


def variadic[*Ts](*args: *Ts) -> tuple[*Ts]:
    return args


def paramspec[**P, R](f: Callable[P, R]) -> Callable[P, R]:
    return f


async def agen[T](x: T) -> T:
    return x


def many[A, B: str, *C, **D]():
    pass

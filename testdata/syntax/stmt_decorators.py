@decorator
def a():
    pass


@decorator.attr
@decorator_call(1, key="v")
def b():
    pass


@property
def c(self):
    return self._c


@buttons[0].clicked.connect
def d():
    pass


@(lambda f: f)
def e():
    pass


@x if y else z
class K:
    pass


@functools.lru_cache(maxsize=None)
async def g():
    pass

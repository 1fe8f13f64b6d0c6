@decorate(f"{name}")
def f(a=f"{x}", *, b=f"{y!r}") -> f"{z}":
    return {f"{k}": f"{v}" for k, v in items}


class C(base=f"{b}"):
    attr: f"{t}" = f"{u}"


assert x, f"{x} failed"
raise ValueError(f"bad {value!r}") from None
lambda: f"{q}"
print(f"{x}" if x else f"{y}")

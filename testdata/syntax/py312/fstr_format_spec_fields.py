a = f"{x:{w}}"
b = f"{x:>{w}.{p}f}"
c = f"{x:{w}d}"
d = f"{x!r:{fill}^{w}}"

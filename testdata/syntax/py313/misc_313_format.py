import os
x: int
def f(a, /, *, b=1):
    return
class C: pass
match x:
    case {}:
        pass
    case Point():
        pass
global g
y = f"" + f"{x:}"

with (
    open("a") as fa,
    open("b") as fb,
):
    pass

with (a as b, c as d):
    pass

with (a, b):
    pass

with (a):
    pass

with (a, b) as t:
    pass

with (yield_value()):
    pass

with (open("x")) as f, (open("y")) as g:
    pass

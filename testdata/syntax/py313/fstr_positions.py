a = f"x{y}z"
b = "pre " f"{x}" ' post'
c = f"{x!r:>{w}} {y=} {z = !s:^5}"
d = (f"{a}"  # comment
     f"{b:{c}.{d}f}"
     "tail")
e = f"""
{a}  {
b}
"""
g = f"{{{x}}} é {'ü'} {x:é>3}"
h = f"{f'{x}'}" rf"\d{y}"
i = u"u" f"{z}" "" f""
j = f"{x:}" f"{x=:>{w}}"
k = f"{3.14:.{p}f}" F"{x!a}"

a = u"a" f"{x}" "b"
b = "a" u"b" f"{x}"
c = f"{x}" u"b"
d = U"a" f"{x}"
e = u"a" "b"
f = U"a"
g = u"a" f"{x:>3}"
h = u"a" f"{x:>{y}}z"
i = (u"a"
     f"{x}")
j = u'''doc'''

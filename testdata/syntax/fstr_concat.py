a = "plain " f"{x}"
b = f"{x}" " plain"
c = f"{x}" f"{y}"
d = ("a"
     f"{b}"
     "c"
     f"{d:>3}")
e = f"a" "b"
f = "a" f"b" "c"
g = u"u" f"{x}"
h = f"{x}" "" f"" ""
i = (f"{x}"  # comment
     f"{y}")
j = "no" "fields" f"here"

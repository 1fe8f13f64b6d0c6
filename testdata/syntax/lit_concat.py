a = "a" "b"
b = ("first "
     "second "
     'third')
c = u"x" "y"
d = "x" u"y"
e = b"a" b"b"
f = r"\d" "\\d+"
g = ("a"  # comment
     "b")
h = "a" \
    "b"

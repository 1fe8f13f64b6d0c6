x.match
x.case
x.type
x._
obj.print
f(match=1)
d = dict(type="adam", case=None)

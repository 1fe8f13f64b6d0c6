x = 1 + \
    2
if a and \
   b:
    pass
with open("a") as f, \
     open("b") as g:
    pass
y = \
  3
assert \
    x, \
    "msg"
def f(a,
      b): return a + \
  b
z = [1,
2,
    3]

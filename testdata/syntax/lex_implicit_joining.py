x = (1 +
  2 +
        3)
y = [
1,
            2,
  3]
z = {
    "a":
        1,
}
def f(a,
  b,
      c):
    return (a
  + b
            + c)
if (a and
b):
    pass

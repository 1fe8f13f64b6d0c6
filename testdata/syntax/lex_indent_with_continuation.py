def f():
    x = 1 + \
2
    y = [
  3]
    return x + \
            y[0]

import os

def f(x):
    if x:
        return "a\r\n"
    return """multi
line"""

y = f(
    1,
)

"""Module docstring."""
...
call()
x
1
x.y
a + b
[1, 2]
await_later = None
not x
-x
(yield_value)
lambda: 0
"another string"
f"{x}"

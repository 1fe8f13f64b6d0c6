type = int
type(x)
type.mro
type[int]
type: int = 1
print(type)
x = type

type = 1
type(x)
type.attr
print(type)
type X = int
type type = int
def type(): pass
type Alias = type
x = [type for type in range(3)]

match (x)
match(x, y)
match [x]
match -x
match * x
match.x
match: int = 1
match x:
    case 1:
        pass
match (x):
    case 1:
        pass
match [x]:
    case [1]:
        pass
match -x:
    case 1:
        pass
match x, y:
    case a, b:
        pass
match (*a, b):
    case _:
        pass
match match:
    case case:
        pass

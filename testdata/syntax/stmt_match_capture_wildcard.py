match value:
    case x:
        print(x)

match value:
    case _:
        pass

match point:
    case (x, _):
        pass
    case [_, *_]:
        pass

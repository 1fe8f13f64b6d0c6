match xs:
    case [*_]:
        pass
    case [*rest]:
        pass
    case (*a, b, c):
        pass
    case [1, *_, 2]:
        pass
    case {**rest}:
        pass
    case Point(x=[*points]):
        pass

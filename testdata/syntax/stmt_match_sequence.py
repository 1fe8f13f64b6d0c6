match seq:
    case []:
        pass
    case ():
        pass
    case [a]:
        pass
    case (a,):
        pass
    case [a, b, *rest]:
        pass
    case (first, *_, last):
        pass
    case [[a, b], (c, d)]:
        pass
    case a, b:
        pass
    case *head, tail:
        pass
    case [1, 2, *others]:
        pass

match point:
    case (x, y) if x == y:
        pass
    case (x, y) if x > 0 and y > 0:
        pass
    case _ if debug:
        pass
    case [*xs] if (n := len(xs)) > 3:
        pass

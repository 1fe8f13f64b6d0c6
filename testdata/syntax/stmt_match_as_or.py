match event:
    case 1 | 2 | 3:
        pass
    case (1 | 2) as small:
        pass
    case [x] as single:
        pass
    case ("a" | "b") | "c":
        pass
    case Click(pos=p) | Key(pos=p):
        pass
    case ([a, b] | [a, b, _]) as pair:
        pass
    case (y):
        pass

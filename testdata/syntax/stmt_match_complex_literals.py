match x:
    case -0j:
        pass
    case 1_000:
        pass
    case 0x10 | 0o7 | 0b1:
        pass
    case b"" | "":
        pass
    case -1.5e3:
        pass
    case 2 - 3j:
        pass
    case {"a": -1, "b": 1.0 + 2j}:
        pass
    case [-1, 1] if True:
        pass
    case r"raw" | u"uni":
        pass

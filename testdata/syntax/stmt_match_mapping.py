match config:
    case {}:
        pass
    case {"type": "adam", "lr": lr}:
        pass
    case {"type": "sgd", **rest}:
        pass
    case {1: one, -2: two, None: three}:
        pass
    case {Keys.A: a, "b": [x, y]}:
        pass
    case {**kw}:
        pass
    case {"k": {"nested": v}}:
        pass

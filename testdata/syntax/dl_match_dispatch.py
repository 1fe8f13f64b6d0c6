def build_optimizer(cfg, params):
    match cfg:
        case {"name": "adam", "lr": float(lr), **rest}:
            return Adam(params, lr=lr, **rest)
        case {"name": "sgd", "lr": lr, "momentum": m} if m > 0:
            return SGD(params, lr=lr, momentum=m)
        case {"name": ("rmsprop" | "adagrad") as name}:
            return make(name, params)
        case {"name": str(other)}:
            raise ValueError(f"unknown optimizer {other!r}")
        case _:
            raise TypeError(cfg)

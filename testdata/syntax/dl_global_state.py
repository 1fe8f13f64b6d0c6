_MODEL_CACHE = {}
_DEVICE = None


def get_model(name):
    global _DEVICE
    if _DEVICE is None:
        _DEVICE = "cuda"
    if name not in _MODEL_CACHE:
        _MODEL_CACHE[name] = load(name).to(_DEVICE)
    return _MODEL_CACHE[name]


def make_accumulator():
    total = 0

    def add(x):
        nonlocal total
        total += x
        return total

    return add

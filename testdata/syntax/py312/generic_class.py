class Box[T]:
    def __init__(self, item: T) -> None:
        self.item = item

    def map[U](self, f: Callable[[T], U]) -> "Box[U]":
        return Box(f(self.item))


class Pair[K: str, V](Base[K], metaclass=Meta):
    pass


@dataclass
class Tensor[*Shape, DType: (float, int)]:
    data: list


class Empty[T,]:
    pass

from typing import Callable, Generic, Optional, Protocol, TypeVar, Union, overload

T = TypeVar("T")
TensorLike = Union["torch.Tensor", "np.ndarray"]


class Module(Protocol):
    def __call__(self, x: TensorLike, /, *, train: bool = ...) -> TensorLike: ...


class Registry(Generic[T]):
    _items: dict[str, Callable[..., T]]

    @overload
    def get(self, name: str) -> T: ...
    @overload
    def get(self, name: str, default: T) -> T: ...

    def get(self, name, default=None):
        return self._items.get(name, default)


def apply(fn: Callable[[int, str], Optional[float]] | None = None) -> list[tuple[int, ...]]:
    return []

x: int
y: int = 5
name: str = "model"
(z): float = 0.5
self.lr: float = 1e-3
cache[key]: dict = {}
values: list[int] = []
callback: "Callable[[int], None]"
pair: tuple[int, ...] = (1, 2)
opt: int | None = None

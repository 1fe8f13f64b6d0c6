type Point = tuple[float, float]
type ListOrSet[T] = list[T] | set[T]
type Nested[K, V: int] = dict[K, list[V]]
type Callback[**P, R] = Callable[P, R]
type Shape[*Ts] = tuple[*Ts]
type Recursive = list[Recursive] | int

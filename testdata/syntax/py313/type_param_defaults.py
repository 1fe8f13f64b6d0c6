def f[T = int](x: T) -> T:
    return x


class C[T: int = bool, *Ts = *tuple[int], **P = [int, str]]:
    pass


type A[T = str] = list[T]
type B[K, V = dict[K, int]] = V

class Model[TensorT: (float, int) = float, **Opts = ...]:
    def forward[OutT = TensorT](self, x: TensorT) -> OutT:
        ...


def g[*Ts = *tuple[()]](*a: *Ts) -> None:
    pass

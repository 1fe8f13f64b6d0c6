class Model:
    name: str
    layers: int = 4
    registry = {}

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__()

    @property
    def size(self) -> int:
        return self.layers * 2

    @size.setter
    def size(self, value: int) -> None:
        self.layers = value // 2

    def __repr__(self):
        return f"Model({self.name!r})"

    async def run(self, *args, **kwargs):
        return await self._run(*args, **kwargs)

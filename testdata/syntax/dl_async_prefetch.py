import asyncio


class Prefetcher:
    def __init__(self, source, depth: int = 2):
        self.source = source
        self.queue: asyncio.Queue = asyncio.Queue(maxsize=depth)

    async def _fill(self):
        async for item in self.source:
            await self.queue.put(item)
        await self.queue.put(None)

    async def __aiter__(self):
        task = asyncio.create_task(self._fill())
        try:
            while (item := await self.queue.get()) is not None:
                yield item
        finally:
            task.cancel()


async def consume(pf):
    return [b async for b in pf]

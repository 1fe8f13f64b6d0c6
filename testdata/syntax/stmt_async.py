import asyncio


async def fetch(session, url):
    async with session.get(url) as resp:
        return await resp.text()


async def main():
    async for item in aiter_items():
        await process(item)
    else:
        pass
    async with a as b, c as d:
        pass
    results = await asyncio.gather(*tasks)
    return [x async for x in agen()]


async def nothing(): pass

import asyncio


async def run_all(jobs):
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(job()) for job in jobs]
    except* torch.cuda.OutOfMemoryError as eg:
        for exc in eg.exceptions:
            log(exc)
    except* (ValueError, TypeError):
        raise
    return [t.result() for t in tasks]

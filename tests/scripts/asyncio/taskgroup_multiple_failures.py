import asyncio
async def fail(delay, exc):
    await asyncio.sleep(delay)
    raise exc
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.05, ValueError('first')))
            tg.create_task(fail(0.05, TypeError('second')))
    except ExceptionGroup as eg:
        print(eg.message, len(eg.exceptions))
        print(sorted(type(e).__name__ for e in eg.exceptions))
asyncio.run(main())

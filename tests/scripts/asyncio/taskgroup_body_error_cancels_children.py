import asyncio
log = []
async def child():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append('child cancelled')
        raise
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(0.05)
            raise KeyError('raised in the body')
    except ExceptionGroup as eg:
        log.append('caught ' + repr(eg.exceptions))
    print(log)
asyncio.run(main())

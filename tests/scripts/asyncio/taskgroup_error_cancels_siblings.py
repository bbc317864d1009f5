import asyncio
log = []
async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
        log.append(name + ' finished')
    except asyncio.CancelledError:
        log.append(name + ' cancelled')
        raise
async def failing():
    await asyncio.sleep(0.1)
    raise ValueError('child failed')
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker('quick', 0.05))
            tg.create_task(failing())
            tg.create_task(worker('slow', 0.5))
    except ExceptionGroup as eg:
        log.append('ExceptionGroup: ' + str(eg))
        log.append('sub-exceptions: ' + repr(eg.exceptions))
    print('\n'.join(log))
asyncio.run(main())

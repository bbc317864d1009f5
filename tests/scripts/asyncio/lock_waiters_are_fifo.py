import asyncio
log = []
async def waiter(name, lock):
    log.append(name + ' waits')
    async with lock:
        log.append(name + ' acquired')
        await asyncio.sleep(0)
async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    tasks = [asyncio.create_task(waiter(n, lock)) for n in ('first', 'second', 'third')]
    await asyncio.sleep(0.05)
    log.append('main releases')
    lock.release()
    await asyncio.gather(*tasks)
    print('\n'.join(log))
asyncio.run(main())

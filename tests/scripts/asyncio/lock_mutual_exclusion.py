import asyncio
log = []
async def critical(name, lock):
    async with lock:
        log.append(name + ' in')
        await asyncio.sleep(0.05)
        log.append(name + ' out')
async def main():
    lock = asyncio.Lock()
    await asyncio.gather(critical('a', lock), critical('b', lock), critical('c', lock))
    print(' '.join(log))
asyncio.run(main())

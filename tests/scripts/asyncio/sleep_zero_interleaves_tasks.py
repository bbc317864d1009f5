import asyncio
log = []
async def worker(name, steps):
    for i in range(steps):
        log.append(name + str(i))
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(worker('a', 3), worker('b', 2), worker('c', 3))
    print(' '.join(log))
asyncio.run(main())

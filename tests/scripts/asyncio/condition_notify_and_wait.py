import asyncio
log = []
items = []
async def consumer(name, cond):
    async with cond:
        while not items:
            log.append(name + ' waits')
            await cond.wait()
        log.append(name + ' takes ' + items.pop(0))
async def producer(cond):
    for item in ('x', 'y'):
        await asyncio.sleep(0.05)
        async with cond:
            items.append(item)
            log.append('produced ' + item)
            cond.notify()
async def main():
    cond = asyncio.Condition()
    await asyncio.gather(consumer('c1', cond), consumer('c2', cond), producer(cond))
    print('\n'.join(log))
asyncio.run(main())

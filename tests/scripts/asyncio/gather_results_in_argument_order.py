import asyncio
log = []
async def work(name, delay):
    await asyncio.sleep(delay)
    log.append(name)
    return name.upper()
async def main():
    results = await asyncio.gather(work('a', 0.3), work('b', 0.1), work('c', 0.2))
    print('finished in order:', log)
    print('results in argument order:', results)
asyncio.run(main())

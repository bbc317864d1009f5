import asyncio
async def job(delay):
    await asyncio.sleep(delay)
    return delay
async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(job(0.3), job(0.2), job(0.1))
    print(results, 'concurrent elapsed', round(loop.time() - start, 1))
    start = loop.time()
    for d in [0.1, 0.1, 0.1]:
        await job(d)
    print('sequential elapsed', round(loop.time() - start, 1))
asyncio.run(main())

import asyncio
async def job(name, delay):
    await asyncio.sleep(delay)
    return name
async def main():
    coros = [job('third', 0.3), job('first', 0.1), job('second', 0.2)]
    for i, next_done in enumerate(asyncio.as_completed(coros)):
        print(i, await next_done)
asyncio.run(main())

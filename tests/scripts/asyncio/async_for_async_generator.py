import asyncio
async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i
async def main():
    async for value in ticker(3, 0.05):
        print('tick', value)
    total = 0
    async for value in ticker(4, 0):
        total += value
    print('total', total)
asyncio.run(main())

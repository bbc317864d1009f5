import asyncio


async def worker(n):
    for _ in range(50):
        await asyncio.sleep(0)
    return n


async def main():
    results = await asyncio.gather(*[worker(i) for i in range(200)])
    print(len(results), sum(results))


asyncio.run(main())

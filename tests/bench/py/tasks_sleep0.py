# 10,000 tasks x 100 `await asyncio.sleep(0)`: one million task steps.
import asyncio

async def worker(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(*[worker(100) for _ in range(10000)])
    print("done")

asyncio.run(main())

# The same million task steps on uvloop: CPython's fastest asyncio baseline.
import asyncio
import uvloop

async def worker(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(*[worker(100) for _ in range(10000)])
    print("done")

uvloop.install()
asyncio.run(main())

import asyncio
async def leaf(v):
    await asyncio.sleep(0.05 * v)
    return v
async def main():
    inner1 = asyncio.gather(leaf(3), leaf(1))
    inner2 = asyncio.gather(leaf(2))
    print(await asyncio.gather(inner1, inner2, leaf(0)))
asyncio.run(main())

import asyncio
async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
async def square(x):
    await asyncio.sleep(0)
    return x * x
async def main():
    print([x async for x in numbers(5)])
    print([x async for x in numbers(10) if x % 3 == 0])
    print({x: x * 2 async for x in numbers(3)})
    print([await square(x) for x in range(4)])
    print(sorted({await square(x) async for x in numbers(4)}))
asyncio.run(main())

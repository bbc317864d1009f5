import asyncio
async def compute(x):
    await asyncio.sleep(0.05)
    return x * 2
async def main():
    a = await compute(10)
    b = await compute(a)
    return a, b
print(asyncio.run(main()))
print(asyncio.run(compute(1)))

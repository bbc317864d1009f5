import asyncio
async def ok(v, delay):
    await asyncio.sleep(delay)
    return v
async def fail(msg, delay):
    await asyncio.sleep(delay)
    raise ValueError(msg)
async def main():
    results = await asyncio.gather(ok(1, 0.2), fail('second', 0.05), ok(3, 0.1), fail('fourth', 0.15),
                                   return_exceptions=True)
    print(results)
    for r in results:
        print(type(r).__name__, isinstance(r, Exception))
asyncio.run(main())

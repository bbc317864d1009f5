import asyncio
async def quick():
    return 'value'
async def boom():
    raise ValueError('bad')
async def forever():
    await asyncio.sleep(10)
async def main():
    t = asyncio.create_task(quick(), name='quick')
    print(repr(t))
    await t
    print(repr(t))
    e = asyncio.create_task(boom(), name='boom')
    await asyncio.sleep(0)
    print(repr(e))
    e.exception()
    c = asyncio.create_task(forever(), name='forever')
    c.cancel()
    await asyncio.sleep(0)
    print(repr(c))
asyncio.run(main())

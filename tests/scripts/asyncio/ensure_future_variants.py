import asyncio
async def job():
    await asyncio.sleep(0)
    return 'job done'
async def main():
    t = asyncio.ensure_future(job())
    print(type(t).__name__, t.get_name())
    same = asyncio.ensure_future(t)
    print(same is t)
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(asyncio.ensure_future(f) is f)
    f.set_result('future value')
    print(await t, await f)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print('TypeError:', e)
asyncio.run(main())

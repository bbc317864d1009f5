import asyncio
async def quick():
    return 'done'
async def main():
    t = asyncio.create_task(quick())
    await t
    print(t.cancel(), t.cancelled(), t.result())
    t2 = asyncio.create_task(asyncio.sleep(1))
    print(t2.cancel(), t2.cancel())
    await asyncio.sleep(0)
    print(t2.cancelled())
asyncio.run(main())

import asyncio
async def once():
    print('body runs once')
    await asyncio.sleep(0.05)
    return 'cached'
async def main():
    t = asyncio.create_task(once())
    print(await t)
    print(await t)
    print(await asyncio.gather(t, t))
asyncio.run(main())

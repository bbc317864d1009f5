import asyncio
async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('caught CancelledError, returning normally')
    return 'survived'
async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.05)
    t.cancel()
    result = await t
    print(result, t.cancelled())
asyncio.run(main())

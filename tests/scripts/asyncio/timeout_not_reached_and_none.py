import asyncio
async def main():
    async with asyncio.timeout(0.5):
        await asyncio.sleep(0.05)
        print('finished before the deadline')
    async with asyncio.timeout(None):
        await asyncio.sleep(0.1)
        print('no deadline at all')
    result = None
    async with asyncio.timeout(0.3):
        result = await asyncio.sleep(0.05, result='value from inside')
    print(result)
asyncio.run(main())

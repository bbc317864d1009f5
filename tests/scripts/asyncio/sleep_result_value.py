import asyncio
async def main():
    r = await asyncio.sleep(0.05, result='woke up')
    print(r)
    print(await asyncio.sleep(0))
    print(await asyncio.sleep(0, 'zero with result'))
    print(await asyncio.sleep(0.05, result=[1, 2]))
asyncio.run(main())

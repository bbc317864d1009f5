import asyncio
log = []
async def a():
    await asyncio.sleep(-1)
    log.append('a after negative sleep')
async def b():
    await asyncio.sleep(0.05)
    log.append('b after 0.05')
async def main():
    await asyncio.gather(b(), a())
    print(log)
asyncio.run(main())

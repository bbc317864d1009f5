import asyncio
async def fail():
    await asyncio.sleep(0)
    raise KeyError('missing')
try:
    asyncio.run(fail())
except KeyError as e:
    print('caught outside asyncio.run:', repr(e))

import asyncio
async def fail():
    await asyncio.sleep(0.05)
    raise ValueError('failed inside the event loop')
async def main():
    print('main starts')
    await fail()
    print('not reached')
asyncio.run(main())

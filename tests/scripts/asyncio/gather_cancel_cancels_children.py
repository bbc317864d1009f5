import asyncio
log = []
async def child(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append(name + ' cancelled')
        raise
async def main():
    g = asyncio.gather(child('a'), child('b'))
    await asyncio.sleep(0.05)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        log.append('gather raised CancelledError')
    print(log, g.cancelled())
asyncio.run(main())

import asyncio
log = []
async def important():
    await asyncio.sleep(0.2)
    log.append('important finished')
    return 'saved'
async def waiter(inner):
    return await asyncio.shield(inner)
async def main():
    inner = asyncio.create_task(important())
    outer = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.05)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        log.append('outer cancelled')
    log.append('inner cancelled? ' + str(inner.cancelled()))
    log.append('inner result ' + await inner)
    print(log)
asyncio.run(main())

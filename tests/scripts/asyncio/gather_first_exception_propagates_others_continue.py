import asyncio
log = []
async def ok(name, delay):
    await asyncio.sleep(delay)
    log.append(name + ' finished')
    return name
async def fail(delay):
    await asyncio.sleep(delay)
    log.append('fail raises')
    raise RuntimeError('gather sees this first')
async def main():
    try:
        await asyncio.gather(ok('slow', 0.2), fail(0.05), ok('fast', 0.1))
    except RuntimeError as e:
        log.append('main caught ' + str(e))
    await asyncio.sleep(0.3)
    print(log)
asyncio.run(main())

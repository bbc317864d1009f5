import asyncio
log = []
async def level3():
    try:
        await asyncio.sleep(1)
    finally:
        log.append('level3 finally')
async def level2():
    try:
        await level3()
    finally:
        log.append('level2 finally')
async def level1():
    try:
        await level2()
    except asyncio.CancelledError:
        log.append('level1 saw CancelledError')
        raise
async def main():
    t = asyncio.create_task(level1())
    await asyncio.sleep(0.05)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(log, t.cancelled())
asyncio.run(main())

import asyncio
import time
log = []


async def blocker():
    log.append('blocker starts time.sleep(0.2)')
    time.sleep(0.2)
    log.append('blocker done')


async def timer():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(0.05)
    log.append('timer woke after %.1f s, not 0.05' % round(loop.time() - start, 1))


async def main():
    await asyncio.gather(timer(), blocker())
    print('\n'.join(log))


asyncio.run(main())

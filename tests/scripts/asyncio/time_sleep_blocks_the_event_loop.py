import asyncio
import time
log = []
async def blocking(name):
    log.append(name + ' start')
    time.sleep(0.1)
    log.append(name + ' end')
async def cooperative(name):
    log.append(name + ' start')
    await asyncio.sleep(0.1)
    log.append(name + ' end')
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.gather(blocking('b1'), blocking('b2'))
    t1 = loop.time()
    await asyncio.gather(cooperative('c1'), cooperative('c2'))
    t2 = loop.time()
    print(' | '.join(log))
    print('time.sleep total', round(t1 - t0, 1), 'asyncio.sleep total', round(t2 - t1, 1))
asyncio.run(main())

import asyncio
import time
log = []


def blocking_io(seconds):
    time.sleep(seconds)
    return 'blocking io %.2f done' % seconds


async def ticker():
    for i in range(3):
        await asyncio.sleep(0.1)
        log.append('tick %d' % i)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    result, _ = await asyncio.gather(loop.run_in_executor(None, blocking_io, 0.25), ticker())
    log.append(result)
    print(log)
    print('elapsed', round(loop.time() - start, 1))


asyncio.run(main())

import asyncio
log = []
def record(*args):
    log.append(' '.join(str(a) for a in args))
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(record, 'first', 1)
    loop.call_soon(record, 'second')
    h = loop.call_soon(record, 'third', 3, 'x')
    print(type(h).__name__)
    log.append('main before yielding')
    await asyncio.sleep(0)
    log.append('main after one yield')
    print(log)
asyncio.run(main())

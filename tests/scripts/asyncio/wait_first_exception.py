import asyncio
async def ok(delay):
    await asyncio.sleep(delay)
    return 'ok'
async def bad(delay):
    await asyncio.sleep(delay)
    raise ValueError('bad task')
async def main():
    tasks = [asyncio.create_task(ok(0.05), name='ok1'), asyncio.create_task(bad(0.1), name='bad'),
             asyncio.create_task(ok(0.3), name='ok2')]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print('done', sorted(t.get_name() for t in done))
    print('pending', sorted(t.get_name() for t in pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        print(t.get_name(), repr(t.exception()))
    calm = [asyncio.create_task(ok(0.05)), asyncio.create_task(ok(0.1))]
    done, pending = await asyncio.wait(calm, return_when=asyncio.FIRST_EXCEPTION)
    print('no exception: waits for all', len(done), len(pending), asyncio.FIRST_EXCEPTION)
    await asyncio.wait([t for t in tasks if not t.done()])
asyncio.run(main())

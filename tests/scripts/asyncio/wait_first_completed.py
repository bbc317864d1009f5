import asyncio
async def job(name, delay):
    await asyncio.sleep(delay)
    return name
async def main():
    tasks = [asyncio.create_task(job(n, d), name=n) for n, d in [('slow', 0.3), ('quick', 0.05), ('mid', 0.15)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print('first done:', [t.result() for t in done], 'pending:', sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print('next done:', [t.result() for t in done], 'pending:', sorted(t.get_name() for t in pending))
    await asyncio.wait(pending)
    print(asyncio.FIRST_COMPLETED)
asyncio.run(main())

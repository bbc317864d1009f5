import asyncio
log = []
async def getter(name, q):
    item = await q.get()
    log.append(name + ' <- ' + item)
async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(getter(n, q)) for n in ('g1', 'g2', 'g3')]
    await asyncio.sleep(0)
    print('waiting getters, qsize', q.qsize())
    for item in ('x', 'y', 'z'):
        await q.put(item)
    await asyncio.gather(*tasks)
    print(log)
asyncio.run(main())

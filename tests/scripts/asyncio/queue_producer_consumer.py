import asyncio
log = []
async def producer(q, n):
    for i in range(n):
        await q.put(i)
        log.append('put %d' % i)
        await asyncio.sleep(0.05)
    await q.put(None)
async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            log.append('consumer done')
            return
        log.append('got %d' % item)
async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q, 3), consumer(q))
    print(' | '.join(log))
asyncio.run(main())

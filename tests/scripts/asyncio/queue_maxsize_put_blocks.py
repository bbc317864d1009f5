import asyncio
log = []
async def producer(q):
    for i in range(4):
        log.append('putting %d' % i)
        await q.put(i)
        log.append('put %d (qsize %d)' % (i, q.qsize()))
async def consumer(q):
    await asyncio.sleep(0.1)
    for _ in range(4):
        item = await q.get()
        log.append('got %d' % item)
        await asyncio.sleep(0)
async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full())
    await asyncio.gather(producer(q), consumer(q))
    print('\n'.join(log))
asyncio.run(main())

import asyncio
log = []
async def worker(name, q):
    while True:
        item = await q.get()
        await asyncio.sleep(item)
        log.append('%s finished %.2f' % (name, item))
        q.task_done()
async def main():
    q = asyncio.Queue()
    for delay in [0.1, 0.05, 0.2, 0.3]:
        q.put_nowait(delay)
    workers = [asyncio.create_task(worker('w%d' % i, q)) for i in range(2)]
    await q.join()
    log.append('join returned')
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print('\n'.join(log))
asyncio.run(main())

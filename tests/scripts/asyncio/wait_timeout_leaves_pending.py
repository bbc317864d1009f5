import asyncio
async def job(delay):
    await asyncio.sleep(delay)
    return delay
async def main():
    tasks = [asyncio.create_task(job(d), name='d%.2f' % d) for d in (0.05, 0.1, 0.4)]
    done, pending = await asyncio.wait(tasks, timeout=0.2)
    print('done', sorted(t.get_name() for t in done))
    print('pending', sorted(t.get_name() for t in pending))
    print([t.done() for t in tasks])
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait(tasks)
    print([t.cancelled() for t in tasks])
asyncio.run(main())

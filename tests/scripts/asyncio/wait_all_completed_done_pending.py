import asyncio
async def job(n, delay):
    await asyncio.sleep(delay)
    return n
async def main():
    tasks = [asyncio.create_task(job(i, 0.05 * (3 - i)), name='job%d' % i) for i in range(3)]
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending))
    print(sorted(t.get_name() for t in done), sorted(t.result() for t in done))
    done, pending = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    print(len(done), len(pending), asyncio.ALL_COMPLETED)
asyncio.run(main())

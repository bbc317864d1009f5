import asyncio
async def job(delay):
    await asyncio.sleep(delay)
    return delay
async def main():
    tasks = [asyncio.create_task(job(d)) for d in (0.05, 0.5)]
    try:
        for fut in asyncio.as_completed(tasks, timeout=0.2):
            print('got', await fut)
    except asyncio.TimeoutError:
        print('timed out; pending task done?', tasks[1].done())
    tasks[1].cancel()
asyncio.run(main())

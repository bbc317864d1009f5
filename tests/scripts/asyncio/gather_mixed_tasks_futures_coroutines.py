import asyncio
async def val(v, delay):
    await asyncio.sleep(delay)
    return v
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.1, fut.set_result, 'future')
    task = asyncio.create_task(val('task', 0.05))
    print(await asyncio.gather(val('coroutine', 0.15), fut, task))
asyncio.run(main())

import asyncio
async def job(fut):
    await asyncio.sleep(0.05)
    fut.set_result('set by job')
    return 'job result'
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = loop.create_task(job(fut), name='from-loop')
    print(type(fut).__name__, type(task).__name__, task.get_name(), fut.done())
    print(await fut, await task)
asyncio.run(main())

import asyncio
async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('inner cancelled too')
        raise
async def outer(inner_task):
    await inner_task
async def main():
    inner_task = asyncio.create_task(inner())
    outer_task = asyncio.create_task(outer(inner_task))
    await asyncio.sleep(0.05)
    outer_task.cancel()
    await asyncio.gather(outer_task, return_exceptions=True)
    await asyncio.sleep(0)
    print(outer_task.cancelled(), inner_task.cancelled())
asyncio.run(main())

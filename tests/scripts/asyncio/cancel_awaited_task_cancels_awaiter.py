import asyncio
async def inner():
    await asyncio.sleep(1)
async def outer(inner_task):
    try:
        await inner_task
    except asyncio.CancelledError:
        print('outer: the task it awaited was cancelled')
        return 'outer finished normally'
async def main():
    inner_task = asyncio.create_task(inner())
    outer_task = asyncio.create_task(outer(inner_task))
    await asyncio.sleep(0.05)
    inner_task.cancel()
    print(await outer_task, inner_task.cancelled())
asyncio.run(main())

import asyncio
async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError:
        return 'waiter saw cancellation'
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    print(fut.cancel(), fut.cancelled(), fut.done())
    print(fut.cancel())
    print(await t)
    try:
        fut.result()
    except asyncio.CancelledError:
        print('result() raises CancelledError')
    try:
        fut.exception()
    except asyncio.CancelledError:
        print('exception() raises CancelledError')
asyncio.run(main())

import asyncio
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut.done(), fut.cancelled(), repr(fut))
    loop.call_later(0.05, fut.set_result, 42)
    print(await fut, fut.done(), fut.result(), repr(fut))
    print(await fut)
    direct = asyncio.Future()
    direct.set_result('made with asyncio.Future()')
    print(await direct)
asyncio.run(main())

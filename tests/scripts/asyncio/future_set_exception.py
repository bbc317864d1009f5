import asyncio
async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_exception(ValueError('future failed'))
    print(fut.done(), repr(fut.exception()))
    try:
        await fut
    except ValueError as e:
        print('await raised', repr(e))
    try:
        fut.result()
    except ValueError as e:
        print('result raised', repr(e))
    f2 = asyncio.Future()
    try:
        f2.set_exception(StopIteration)
    except TypeError as e:
        print('TypeError:', e)
    f2.cancel()
asyncio.run(main())

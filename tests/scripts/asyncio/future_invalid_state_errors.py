import asyncio
async def main():
    fut = asyncio.get_running_loop().create_future()
    for action in [fut.result, fut.exception]:
        try:
            action()
        except asyncio.InvalidStateError as e:
            print(type(e).__name__, e)
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print(type(e).__name__, e)
    try:
        fut.set_exception(ValueError())
    except asyncio.InvalidStateError as e:
        print(type(e).__name__, e)
    print(fut.result(), fut.cancel())
    print(issubclass(asyncio.InvalidStateError, Exception))
asyncio.run(main())

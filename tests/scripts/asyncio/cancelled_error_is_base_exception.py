import asyncio
print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
print(asyncio.TimeoutError is TimeoutError, issubclass(asyncio.InvalidStateError, Exception))
print(asyncio.CancelledError.__name__, asyncio.QueueEmpty.__name__, asyncio.QueueFull.__name__)
async def victim():
    try:
        await asyncio.sleep(1)
    except Exception:
        print('not printed: except Exception does not catch CancelledError')
async def main():
    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except Exception:
        print('not printed either')
    except asyncio.CancelledError:
        print('CancelledError passed through except Exception')
asyncio.run(main())

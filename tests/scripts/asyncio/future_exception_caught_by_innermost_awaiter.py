# An exception set on a future reaches the innermost coroutine awaiting it
# through a chain task -> outer -> middle -> inner, and inner's try/except
# catches it there, not in an outer frame.
import asyncio


async def inner(fut):
    try:
        await fut
    except ValueError as e:
        print("inner caught", e)
        return "handled"
    return "not reached"


async def middle(fut):
    r = await inner(fut)
    print("middle got", r)
    return r + "!"


async def outer(fut):
    try:
        r = await middle(fut)
    except ValueError:
        print("outer caught: wrong frame")
        return "outer"
    print("outer got", r)
    return r


async def fail_later(fut):
    await asyncio.sleep(0.01)
    fut.set_exception(ValueError("boom"))


async def main():
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(outer(fut))
    await fail_later(fut)
    print("task result", await t)


asyncio.run(main())

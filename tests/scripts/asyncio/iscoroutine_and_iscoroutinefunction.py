import asyncio
async def coro_fn():
    return 1
def plain_fn():
    return 1
def gen_fn():
    yield 1
c = coro_fn()
print(asyncio.iscoroutinefunction(coro_fn), asyncio.iscoroutinefunction(plain_fn), asyncio.iscoroutinefunction(gen_fn))
print(asyncio.iscoroutine(c), asyncio.iscoroutine(coro_fn), asyncio.iscoroutine(gen_fn()), asyncio.iscoroutine(1))
print(type(c).__name__)
c.close()
async def main():
    t = asyncio.create_task(coro_fn())
    print(asyncio.iscoroutine(t), asyncio.iscoroutinefunction(main))
    await t
asyncio.run(main())

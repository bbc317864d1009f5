import asyncio
async def main():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print('RuntimeError:', e)
    try:
        cond.notify()
    except RuntimeError as e:
        print('RuntimeError:', e)
    lock = asyncio.Lock()
    shared = asyncio.Condition(lock)
    async with shared:
        print('condition with an explicit lock; lock held:', lock.locked())
asyncio.run(main())

import asyncio
async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    print(await lock.acquire(), lock.locked())
    lock.release()
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print('RuntimeError:', e)
    async with lock:
        print('inside async with', lock.locked())
    print('after', lock.locked())
asyncio.run(main())

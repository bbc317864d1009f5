import asyncio
async def main():
    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        print('inside, locked?', sem.locked())
    try:
        sem.release()
    except ValueError as e:
        print('ValueError:', e)
    print(issubclass(asyncio.BoundedSemaphore, asyncio.Semaphore))
asyncio.run(main())

import asyncio
async def main():
    sem = asyncio.Semaphore(1)
    print(sem.locked())
    await sem.acquire()
    print(sem.locked())
    sem.release()
    sem.release()
    print('plain Semaphore allows extra release; locked:', sem.locked())
    await sem.acquire()
    await sem.acquire()
    print(sem.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print('ValueError:', e)
asyncio.run(main())

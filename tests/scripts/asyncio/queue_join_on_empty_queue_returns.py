import asyncio
async def main():
    q = asyncio.Queue()
    await q.join()
    print('join on a fresh queue returns at once')
    q.put_nowait(1)
    q.get_nowait()
    q.task_done()
    await q.join()
    print('join after task_done returns')
    try:
        q.task_done()
    except ValueError as e:
        print('ValueError:', e)
asyncio.run(main())

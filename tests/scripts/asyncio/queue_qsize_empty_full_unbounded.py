import asyncio
async def main():
    q = asyncio.Queue()
    print(q.maxsize, q.qsize(), q.empty(), q.full())
    for i in range(100):
        q.put_nowait(i)
    print(q.qsize(), q.full(), q.empty())
    total = 0
    while not q.empty():
        total += await q.get()
    print(total, q.qsize())
asyncio.run(main())

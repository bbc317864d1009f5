import asyncio
async def main():
    q = asyncio.Queue(maxsize=2)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print('QueueEmpty', repr(e), isinstance(e, Exception))
    q.put_nowait('a')
    q.put_nowait('b')
    print(q.qsize(), q.full(), q.empty())
    try:
        q.put_nowait('c')
    except asyncio.QueueFull as e:
        print('QueueFull', repr(e))
    print(q.get_nowait(), q.get_nowait(), q.qsize(), q.empty())
asyncio.run(main())

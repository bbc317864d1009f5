import asyncio


async def producer(queue, n):
    for i in range(n):
        await asyncio.sleep(0.4)
        await queue.put(i)
        print("生产", i, "队列里还有", queue.qsize(), "个")
    print("生产者结束")


async def consumer(name, queue):
    while True:
        item = await queue.get()
        print(name, "开始处理", item)
        await asyncio.sleep(1.1)
        print(name, "处理完", item)
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    consumers = [asyncio.create_task(consumer(f"消费者{i}", queue)) for i in (1, 2)]
    await producer(queue, 6)
    await queue.join()
    for c in consumers:
        c.cancel()
    print("全部处理完")


asyncio.run(main())

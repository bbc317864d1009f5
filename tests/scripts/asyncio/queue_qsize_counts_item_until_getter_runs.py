# An item put into a queue with a waiting getter stays counted by qsize(),
# empty() and full() until the getter's task runs (CPython's Queue wakes the
# getter; the getter takes the item when it resumes).
import asyncio


async def getter(queue, log):
    item = await queue.get()
    log.append(("got", item, queue.qsize()))


async def main():
    queue = asyncio.Queue(maxsize=1)
    log = []
    task = asyncio.create_task(getter(queue, log))
    await asyncio.sleep(0)
    await queue.put("a")
    print("after put:", queue.qsize(), queue.empty(), queue.full())
    await asyncio.sleep(0)
    print("after the getter ran:", queue.qsize(), queue.empty(), queue.full())
    print(log)
    await task
    queue.put_nowait("b")
    print("no getter:", queue.qsize(), queue.get_nowait(), queue.qsize())


asyncio.run(main())

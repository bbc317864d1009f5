# asyncio.wait() is a coroutine function: its result is a coroutine that
# create_task() and asyncio.run() accept, and its body runs on the loop that
# runs it.
import asyncio


async def work(n):
    await asyncio.sleep(n / 10)
    return n


async def main():
    tasks = [asyncio.create_task(work(n)) for n in (1, 2)]
    waiting = asyncio.wait(tasks)
    print(asyncio.iscoroutine(waiting))
    outer = asyncio.create_task(waiting)
    done, pending = await outer
    print(sorted(t.result() for t in done), len(pending))


asyncio.run(main())

# Tutorial section 4 (uvloop): the policy is installed exactly as in the
# tutorial; `asyncio.run(...)` gets a real coroutine instead of the
# placeholder `...`.
import asyncio
import uvloop
asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())

# 编写asyncio的代码,与之前写的代码一致。


async def work(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    results = await asyncio.gather(work('a', 0.1), work('b', 0.05))
    print(results)


# 内部的事件循环自动化会变为uvloop
asyncio.run(main())

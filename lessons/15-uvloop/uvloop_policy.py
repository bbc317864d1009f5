import asyncio
import uvloop
asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())

# 编写asyncio的代码,与之前写的代码一致。


async def worker(n):
    for _ in range(50):
        await asyncio.sleep(0)
    return n


async def main():
    results = await asyncio.gather(*[worker(i) for i in range(200)])
    print(len(results), sum(results))


# 内部的事件循环自动化会变为uvloop
asyncio.run(main())

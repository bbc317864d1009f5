import asyncio


async def fail():
    await asyncio.sleep(0.1)
    raise ValueError("出错了")


async def main():
    task = asyncio.create_task(fail())
    await asyncio.sleep(0.5)
    print("main 结束,没有人 await 这个任务")


asyncio.run(main())

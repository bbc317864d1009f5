import asyncio
import time


async def job(name):
    print(name, "开始")
    time.sleep(1)              # 在协程里调用了阻塞函数
    print(name, "结束")


async def main():
    start = time.monotonic()
    await asyncio.gather(job("A"), job("B"), job("C"))
    print("用时", round(time.monotonic() - start), "秒")


asyncio.run(main())

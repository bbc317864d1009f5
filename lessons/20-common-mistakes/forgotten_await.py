import asyncio


async def download(name):
    await asyncio.sleep(1)
    print("下载完成", name)


async def main():
    download("a.jpg")          # 忘了 await
    print("main 结束")


asyncio.run(main())

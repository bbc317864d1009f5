import asyncio


async def slow(name, delay):
    try:
        print(name, "开始")
        await asyncio.sleep(delay)
        print(name, "完成")
        return name
    except asyncio.CancelledError:
        print(name, "被取消了")
        raise


async def main():
    # 1. wait_for:超时就取消
    try:
        await asyncio.wait_for(slow("下载A", 3), timeout=1)
    except asyncio.TimeoutError:
        print("下载A 超时")

    # 2. 手动取消一个任务
    task = asyncio.create_task(slow("下载B", 3))
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("下载B 已取消:", task.cancelled())

    # 3. asyncio.wait 的 timeout:不取消,只是不再等
    task_c = asyncio.create_task(slow("下载C", 2))
    done, pending = await asyncio.wait([task_c], timeout=1)
    print("done:", len(done), "pending:", len(pending))
    print(await task_c)


asyncio.run(main())

import asyncio


async def func(name, delay):
    print(name, "开始")
    await asyncio.sleep(delay)
    print(name, "完成")
    return name


async def main():
    task_list = [
        asyncio.create_task(func("任务1", 1)),
        asyncio.create_task(func("任务2", 3)),
        asyncio.create_task(func("任务3", 2)),
    ]
    for task in task_list:
        await task


任务 = main()

# 去生成或获取一个事件循环
loop = asyncio.get_event_loop()

# 将任务放到`任务列表`
loop.run_until_complete(任务)

# Tutorial section 3.4 示例2. Smallest change for a stable output: `done` is
# a set whose iteration order depends on object addresses, so it is printed
# sorted by task name instead of `print(done)`.
import asyncio


async def func():
    print(1)
    await asyncio.sleep(2)
    print(2)
    return "返回值"


async def main():
    print("main开始")

    task_list = [
        asyncio.create_task(func(), name='n1'),
        asyncio.create_task(func(), name='n2')
    ]

    print("main结束")

    done, pending = await asyncio.wait(task_list, timeout=None)
    print(sorted(done, key=lambda t: t.get_name()))


asyncio.run(main())

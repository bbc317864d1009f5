# Tutorial section 3.4 示例3, changed for CPython 3.11: asyncio.wait() no
# longer accepts bare coroutines and tasks need a running loop, so the
# coroutines are wrapped in tasks inside a main() coroutine; `done` is
# printed sorted by task name because set order depends on addresses.
# (The verbatim version is legacy/tutorial_3_4_example3_wait_bare_coroutines.py.)
import asyncio


async def func():
    print(1)
    await asyncio.sleep(2)
    print(2)
    return "返回值"


async def main():
    task_list = [
        asyncio.create_task(func()),
        asyncio.create_task(func()),
    ]
    return await asyncio.wait(task_list)


done,pending = asyncio.run( main() )

print(sorted(done, key=lambda t: t.get_name()))

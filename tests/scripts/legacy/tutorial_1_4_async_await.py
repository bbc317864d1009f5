# LEGACY GOLDEN SCRIPT. Tutorial section 1.4 (async & await 关键字), verbatim.
# ensure_future() outside a coroutine makes the event loop implicitly, a form
# deprecated since Python 3.10: pylite prints a DeprecationWarning naming
# asyncio.run() (CPython 3.11.2 is silent), so tst_golden_legacy compares
# pylite with legacy/py37/ (CPython 3.11 plus the legacy37.py shim).
import asyncio

async def func1():
    print(1)
    # 网络IO请求:下载一张图片
    await asyncio.sleep(2)  # 遇到IO耗时操作,自动化切换到tasks中的其他任务
    print(2)


async def func2():
    print(3)
    # 网络IO请求:下载一张图片
    await asyncio.sleep(2)  # 遇到IO耗时操作,自动化切换到tasks中的其他任务
    print(4)


tasks = [
    asyncio.ensure_future( func1() ),
    asyncio.ensure_future( func2() )
]

loop = asyncio.get_event_loop()
loop.run_until_complete(asyncio.wait(tasks))

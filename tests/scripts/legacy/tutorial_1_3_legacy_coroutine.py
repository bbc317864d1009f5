# LEGACY GOLDEN SCRIPT. Tutorial section 1.3 (asyncio, py3.4 style), verbatim.
# CPython 3.11 removed @asyncio.coroutine, so the recorded CPython output is an
# AttributeError; pylite runs this program as Python 3.7 did (generator-based
# coroutines driven by yield from, plus a DeprecationWarning naming the
# modern form), so tst_golden_legacy compares pylite with legacy/py37/ (CPython 3.11
# plus the legacy37.py shim) instead of these .out/.err/.rc.
import asyncio

@asyncio.coroutine
def func1():
    print(1)
    # 网络IO请求:下载一张图片
    yield from asyncio.sleep(2)  # 遇到IO耗时操作,自动化切换到tasks中的其他任务
    print(2)


@asyncio.coroutine
def func2():
    print(3)
    # 网络IO请求:下载一张图片
    yield from asyncio.sleep(2)  # 遇到IO耗时操作,自动化切换到tasks中的其他任务
    print(4)


tasks = [
    asyncio.ensure_future( func1() ),
    asyncio.ensure_future( func2() )
]

loop = asyncio.get_event_loop()
loop.run_until_complete(asyncio.wait(tasks))

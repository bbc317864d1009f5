# LEGACY GOLDEN SCRIPT. Tutorial section 3.4 示例3, verbatim but for the
# last line: `done` is printed sorted by task name because set order depends
# on addresses. CPython 3.11
# refuses bare coroutines in asyncio.wait() (TypeError, recorded here);
# pylite keeps the Python 3.7 behaviour with a DeprecationWarning (issue 4),
# so tst_golden_legacy compares pylite with legacy/py37/ (CPython
# 3.11 plus the legacy37.py shim) instead of these .out/.err/.rc.
# The 3.11-compatible version is asyncio/tutorial_3_4_task_example3_wait_tasks.py.
import asyncio


async def func():
    print(1)
    await asyncio.sleep(2)
    print(2)
    return "返回值"


task_list = [
    func(),
    func(),
]

done,pending = asyncio.run( asyncio.wait(task_list) )

print(sorted(done, key=lambda t: t.get_name()))

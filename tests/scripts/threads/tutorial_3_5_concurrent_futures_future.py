# Tutorial section 3.5 (concurrent.futures.Future对象). Smallest changes for
# a stable output: `print(fut)` shows an address and a racy state, so it
# prints `isinstance(fut, Future)` (the tutorial imports Future); and the
# workers' `time.sleep(1)` becomes a distinct 0.05 s step per value so that
# the values print in a fixed order (five workers would otherwise print
# their values at the same instant).
import time
from concurrent.futures import Future
from concurrent.futures.thread import ThreadPoolExecutor
from concurrent.futures.process import ProcessPoolExecutor


def func(value):
    time.sleep(0.05 * (value + 1))
    print(value)
    return 123


# 创建线程池
pool = ThreadPoolExecutor(max_workers=5)

# 创建进程池
# pool = ProcessPoolExecutor(max_workers=5)


for i in range(10):
    fut = pool.submit(func, i)
    print(isinstance(fut, Future))

# Work still queued on a thread pool when the program ends runs before the
# interpreter exits (CPython joins the worker threads), even after an
# uncaught exception: the traceback is printed first, then the workers finish.
import time
from concurrent.futures import ThreadPoolExecutor


def job(n):
    time.sleep(0.05 * n)
    print("job", n, "done")


pool = ThreadPoolExecutor(max_workers=2)
for n in (1, 2, 3, 4):
    pool.submit(job, n)
print("main ends")
raise RuntimeError("main failed")

import threading
import time
from concurrent.futures import ThreadPoolExecutor
def whoami(delay):
    time.sleep(delay)
    return threading.current_thread().name
print(threading.current_thread().name)
with ThreadPoolExecutor(max_workers=2, thread_name_prefix='worker') as pool:
    first = pool.submit(whoami, 0.1)
    second = pool.submit(whoami, 0.1)
    print(sorted([first.result(), second.result()]))
with ThreadPoolExecutor(max_workers=1) as pool:
    print(pool.submit(whoami, 0).result())
print(threading.current_thread().name)

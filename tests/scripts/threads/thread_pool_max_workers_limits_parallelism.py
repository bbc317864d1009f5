import time
from concurrent.futures import ThreadPoolExecutor
def nap(seconds):
    time.sleep(seconds)
    return seconds
start = time.monotonic()
with ThreadPoolExecutor(max_workers=2) as pool:
    list(pool.map(nap, [0.1, 0.1, 0.1, 0.1]))
print('4 naps of 0.1 on 2 workers:', round(time.monotonic() - start, 1))
start = time.monotonic()
with ThreadPoolExecutor(max_workers=1) as pool:
    list(pool.map(nap, [0.1, 0.1, 0.1]))
print('3 naps of 0.1 on 1 worker:', round(time.monotonic() - start, 1))

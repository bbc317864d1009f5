import time
from concurrent.futures import ThreadPoolExecutor
def nap(seconds):
    time.sleep(seconds)
    return seconds
start = time.perf_counter()
with ThreadPoolExecutor(max_workers=3) as pool:
    results = list(pool.map(nap, [0.2, 0.2, 0.2]))
print(results, 'parallel elapsed', round(time.perf_counter() - start, 1))
start = time.perf_counter()
for s in [0.1, 0.1]:
    nap(s)
print('sequential elapsed', round(time.perf_counter() - start, 1))

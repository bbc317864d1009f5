import time
from concurrent.futures import ThreadPoolExecutor
results = []
def work(n):
    time.sleep(0.05 * n)
    results.append(n)
with ThreadPoolExecutor(max_workers=3) as pool:
    for n in (3, 1, 2):
        pool.submit(work, n)
    print('inside with, finished so far:', len(results))
print('after with, all finished:', results)

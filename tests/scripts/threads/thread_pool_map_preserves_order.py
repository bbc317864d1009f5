import time
from concurrent.futures import ThreadPoolExecutor
def slow_identity(x):
    time.sleep(0.05 * (4 - x))
    return x
with ThreadPoolExecutor(max_workers=4) as pool:
    print(list(pool.map(slow_identity, range(4))))
    print(list(pool.map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30])))
    print(list(pool.map(str, [])))

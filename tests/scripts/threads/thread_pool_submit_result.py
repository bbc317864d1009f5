import time
from concurrent.futures import ThreadPoolExecutor
def square(x):
    time.sleep(0.05)
    return x * x
pool = ThreadPoolExecutor(max_workers=2)
futures = [pool.submit(square, n) for n in range(5)]
print([f.result() for f in futures])
print(all(f.done() for f in futures))
f = pool.submit(square, 12)
print(f.result(timeout=5))
pool.shutdown()
print('shut down')

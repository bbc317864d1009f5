from concurrent.futures import ThreadPoolExecutor
pool = ThreadPoolExecutor(max_workers=1)
print(pool.submit(len, 'abc').result())
pool.shutdown(wait=True)
try:
    pool.submit(len, 'x')
except RuntimeError as e:
    print('RuntimeError:', e)

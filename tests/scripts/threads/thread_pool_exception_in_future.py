from concurrent.futures import ThreadPoolExecutor
def fails():
    raise KeyError('raised in a worker thread')
with ThreadPoolExecutor(max_workers=1) as pool:
    fut = pool.submit(fails)
    print('exception():', repr(fut.exception()))
    try:
        fut.result()
    except KeyError as e:
        print('result() re-raises', repr(e))
    print(fut.done(), fut.cancelled())

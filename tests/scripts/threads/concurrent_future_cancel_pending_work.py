import time
from concurrent.futures import ThreadPoolExecutor
def job(name):
    time.sleep(0.1)
    return name
with ThreadPoolExecutor(max_workers=1) as pool:
    running = pool.submit(job, 'running')
    time.sleep(0.05)
    queued = pool.submit(job, 'queued')
    print('cancel running:', running.cancel(), 'cancel queued:', queued.cancel())
    print(running.result(), queued.cancelled(), running.cancelled())

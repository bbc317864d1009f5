import time
from concurrent.futures import ThreadPoolExecutor, as_completed
def job(name, seconds):
    time.sleep(seconds)
    return name
with ThreadPoolExecutor(max_workers=3) as pool:
    futures = {pool.submit(job, name, s): name for name, s in [('slow', 0.3), ('fast', 0.1), ('medium', 0.2)]}
    for f in as_completed(futures):
        print('completed', f.result(), futures[f] == f.result())

import time
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED, ALL_COMPLETED
def job(seconds):
    time.sleep(seconds)
    return seconds
with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(job, s) for s in (0.3, 0.05, 0.2)]
    done, not_done = wait(futures, return_when=FIRST_COMPLETED)
    print('first completed:', [f.result() for f in done], 'still running:', len(not_done))
    done, not_done = wait(futures, return_when=ALL_COMPLETED)
    print('all completed:', sorted(f.result() for f in done), len(not_done))

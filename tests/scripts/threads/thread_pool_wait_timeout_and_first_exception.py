import time
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_EXCEPTION
def job(seconds, fail=False):
    time.sleep(seconds)
    if fail:
        raise ValueError('job failed after %.2f' % seconds)
    return seconds
with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(job, 0.05), pool.submit(job, 0.4)]
    done, not_done = wait(futures, timeout=0.2)
    print('after timeout: done', len(done), 'not done', len(not_done))
    wait(futures)
    futures = [pool.submit(job, 0.05), pool.submit(job, 0.1, True), pool.submit(job, 0.4)]
    done, not_done = wait(futures, return_when=FIRST_EXCEPTION)
    print('FIRST_EXCEPTION: done', len(done), 'not done', len(not_done))
    print(sorted(repr(f.exception()) for f in done))

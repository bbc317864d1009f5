# The futures of a thread pool as CPython shows them: while two workers sleep,
# their futures are running and the third waits as pending; afterwards each
# is finished with its result's or exception's class. A queued job can be
# cancelled; a running one cannot. Addresses are replaced after a format check.
import time
from concurrent.futures import ThreadPoolExecutor


def show(label, f):
    text = repr(f)
    head, rest = text.split(" at 0x", 1)
    address, tail = rest.split(" ", 1)
    assert address and all(c in "0123456789abcdef" for c in address), text
    assert head[0] == "<" and tail.startswith("state=") and tail.endswith(">"), text
    print(label, head + " at 0x? " + tail)


def job(n):
    time.sleep(0.5)
    if n == 2:
        raise ValueError(n)
    return "done" if n else n


pool = ThreadPoolExecutor(max_workers=2)
futures = [pool.submit(job, n) for n in range(3)]
time.sleep(0.1)
print("running:", [f.running() for f in futures], "done:", [f.done() for f in futures])
for n, f in enumerate(futures):
    show(f"job {n}:", f)
for f in futures:
    try:
        f.result()
    except ValueError as e:
        print("job raised ValueError", e)
for n, f in enumerate(futures):
    show(f"job {n}:", f)
print("running:", [f.running() for f in futures])
pool.shutdown()

with ThreadPoolExecutor(max_workers=1) as pool:
    first = pool.submit(job, 1)
    second = pool.submit(job, 3)
    time.sleep(0.1)
    print("cancel running:", first.cancel(), "cancel queued:", second.cancel())
    show("first:", first)
    show("second:", second)
show("first after the pool:", first)

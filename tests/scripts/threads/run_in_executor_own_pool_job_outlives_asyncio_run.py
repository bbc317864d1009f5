# A job given to the program's own thread pool with run_in_executor and never
# awaited goes on after asyncio.run() returns (only the default executor is
# shut down there); CPython joins the worker thread at exit, so the job still
# prints, after the rest of the program.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def blocking(n):
    time.sleep(n)
    print("blocking done", n)
    return n


pool = ThreadPoolExecutor(max_workers=2)


async def main():
    loop = asyncio.get_running_loop()
    loop.run_in_executor(pool, blocking, 0.3)
    print("main done")


asyncio.run(main())
print("after run")

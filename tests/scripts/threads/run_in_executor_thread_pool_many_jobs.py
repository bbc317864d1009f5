import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def job(n):
    time.sleep(0.05 * n)
    return n * 10


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=4) as pool:
        start = time.monotonic()
        results = await asyncio.gather(*(loop.run_in_executor(pool, job, n) for n in (4, 3, 2, 1)))
        print(results, round(time.monotonic() - start, 1))


asyncio.run(main())

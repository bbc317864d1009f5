# asyncio.run() shuts the default executor down before it returns
# (shutdown_default_executor): a run_in_executor(None, ...) job that nobody
# awaited still finishes, and the program continues after it.
import asyncio
import time


def blocking(n):
    time.sleep(n)
    print("blocking done", n)
    return n


async def main():
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, blocking, 0.2)
    print("main done")


start = time.monotonic()
asyncio.run(main())
print("after run", round(time.monotonic() - start, 1))

# Tutorial section 3.5 (loop.run_in_executor) with its commented-out
# variant 3 enabled: a custom ProcessPoolExecutor. Change for CPython: the
# entry point is guarded by `if __name__ == '__main__':` as process pools
# require.
import time
import asyncio
import concurrent.futures


def func1():
    # 某个耗时操作
    time.sleep(2)
    return "SB"


async def main():
    loop = asyncio.get_running_loop()

    # 3. Run in a custom process pool:
    with concurrent.futures.ProcessPoolExecutor() as pool:
        result = await loop.run_in_executor(
            pool, func1)
        print('custom process pool', result)


if __name__ == '__main__':
    asyncio.run( main() )

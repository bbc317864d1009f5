import asyncio
from concurrent.futures import ProcessPoolExecutor


def heavy(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(loop.run_in_executor(pool, heavy, 1000), loop.run_in_executor(pool, heavy, 10))
        print(results)


if __name__ == '__main__':
    asyncio.run(main())

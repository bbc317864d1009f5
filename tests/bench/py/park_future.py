# 100,000 tasks parked on one future, then released: peak memory.
import asyncio

async def waiter(fut):
    return await fut

async def main():
    fut = asyncio.get_running_loop().create_future()
    tasks = [asyncio.create_task(waiter(fut)) for _ in range(100000)]
    await asyncio.sleep(0)
    fut.set_result(1)
    results = await asyncio.gather(*tasks)
    print(sum(results))

asyncio.run(main())

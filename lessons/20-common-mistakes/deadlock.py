import asyncio


async def worker(name, first, second):
    async with first:
        print(name, "拿到了第一把锁")
        await asyncio.sleep(0.1)
        async with second:
            print(name, "两把锁都拿到了")


async def main():
    lock_a = asyncio.Lock()
    lock_b = asyncio.Lock()
    await asyncio.gather(worker("任务1", lock_a, lock_b), worker("任务2", lock_b, lock_a))


asyncio.run(main())

import asyncio
async def job():
    await asyncio.sleep(0.05)
    return 'in time'
async def main():
    print(await asyncio.wait_for(job(), timeout=0.5))
    print(await asyncio.wait_for(job(), None))
    t = asyncio.create_task(job())
    print(await asyncio.wait_for(t, 1), t.done())
asyncio.run(main())

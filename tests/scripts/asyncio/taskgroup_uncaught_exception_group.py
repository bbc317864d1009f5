import asyncio
async def broken():
    await asyncio.sleep(0.05)
    raise RuntimeError('nobody catches this')
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(broken())
asyncio.run(main())

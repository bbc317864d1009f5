import asyncio
async def boom():
    raise ValueError('nobody looked at me')
async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(0.05)
    print('main finished without checking the task')
asyncio.run(main())

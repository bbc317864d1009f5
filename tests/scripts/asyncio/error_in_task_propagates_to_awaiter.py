import asyncio
async def failing():
    await asyncio.sleep(0.05)
    raise ZeroDivisionError('inside the task')
async def main():
    t = asyncio.create_task(failing())
    try:
        await t
    except ZeroDivisionError as e:
        print('awaiter caught:', e)
    t2 = asyncio.create_task(failing())
    await t2
asyncio.run(main())

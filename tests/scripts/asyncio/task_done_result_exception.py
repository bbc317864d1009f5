import asyncio
async def ok():
    await asyncio.sleep(0.05)
    return 'ok value'
async def bad():
    await asyncio.sleep(0.05)
    raise ValueError('bad value')
async def main():
    t1 = asyncio.create_task(ok())
    t2 = asyncio.create_task(bad())
    print(t1.done(), t2.done(), t1.cancelled())
    await asyncio.sleep(0.1)
    print(t1.done(), t1.result(), t1.exception())
    print(t2.done(), repr(t2.exception()))
    try:
        t2.result()
    except ValueError as e:
        print('result() re-raises', e)
asyncio.run(main())

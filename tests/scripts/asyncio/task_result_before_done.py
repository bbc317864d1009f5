import asyncio
async def slow():
    await asyncio.sleep(0.1)
    return 'late'
async def main():
    t = asyncio.create_task(slow())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)
    print(await t)
asyncio.run(main())

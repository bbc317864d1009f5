import asyncio
async def sleeper():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print('inside the task:', e.args)
        raise
async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel(msg='shutting down')
    try:
        await t
    except asyncio.CancelledError as e:
        print('awaiter sees:', e.args)
asyncio.run(main())

import asyncio
async def resilient():
    me = asyncio.current_task()
    for attempt in range(3):
        try:
            await asyncio.sleep(0.1)
            return 'finished on attempt %d' % attempt
        except asyncio.CancelledError:
            print('attempt', attempt, 'cancelled; cancelling() =', me.cancelling())
            print('uncancel() ->', me.uncancel())
async def main():
    t = asyncio.create_task(resilient())
    await asyncio.sleep(0.05)
    t.cancel()
    await asyncio.sleep(0.05)
    t.cancel()
    print(await t, t.cancelled(), t.cancelling())
asyncio.run(main())

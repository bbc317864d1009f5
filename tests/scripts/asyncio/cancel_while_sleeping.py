import asyncio
log = []
async def sleeper():
    log.append('sleeping')
    try:
        await asyncio.sleep(1)
        log.append('not reached')
    except asyncio.CancelledError:
        log.append('cancelled during sleep')
        raise
    finally:
        log.append('finally runs')
async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.05)
    print('cancel() returned', t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        log.append('awaiting the task raised CancelledError')
    print(t.cancelled(), t.done())
    print(log)
asyncio.run(main())

import asyncio
log = []
async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append('slow was cancelled')
        raise
async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.1)
    except asyncio.TimeoutError as e:
        log.append('TimeoutError ' + repr(e.args))
        log.append('is builtin TimeoutError: ' + str(isinstance(e, TimeoutError)))
    print(log)
    t = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(t, 0.05)
    except TimeoutError:
        print('task cancelled by wait_for:', t.cancelled())
asyncio.run(main())
